import { useCallback } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { NodeStateRecord, ServiceActivityNode } from '../api/types';
import { JsonView } from '../components/json-view';
import { StateBadge } from '../components/state-badge';
import type { TreeElement } from '../graph/graph-model';
import { elapsed, formatTime } from '../lib/format';
import { usePolling } from '../lib/use-polling';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function NodeStateFields({ element, state }: { element: TreeElement; state: NodeStateRecord | undefined }) {
  const component = element.type === 'ServiceActivity' ? (element as ServiceActivityNode).component : null;
  return (
    <dl className="fields" data-testid="node-fields">
      <Field label="State">
        <StateBadge state={state?.state} />
      </Field>
      <Field label="Type">{element.type}</Field>
      {component && (
        <Field label="Component">
          <span className="mono" data-testid="node-component">
            {component.code} @ {component.version ?? 'legacy'}
          </span>
        </Field>
      )}
      <Field label="Loop / retry">
        {state ? `${state.loop} / ${state.retry}` : '—'}
        {state?.skip ? ' · skipped' : ''}
        {state?.error_ignored ? ' · error ignored' : ''}
      </Field>
      <Field label="Version">
        <span className="mono">{state?.version ?? '—'}</span>
      </Field>
      <Field label="Started">{formatTime(state?.started_time)}</Field>
      <Field label="Archived">{formatTime(state?.archived_time)}</Field>
      <Field label="Elapsed">{elapsed(state?.started_time, state?.archived_time)}</Field>
    </dl>
  );
}

// Events, converge gateways and nodes not reached yet have no execution data: the API answers 404
// (spec 06 B.1), which is an empty record here rather than an error to show.
function executionDataOrNone(nodeId: string) {
  return api
    .getExecutionData(nodeId)
    .catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error)));
}

/** Execution data, histories and logs; reloaded whenever the node's state or version moves. */
export function NodeRecords({ nodeId, stamp }: { nodeId: string; stamp: string }) {
  const key = `${nodeId}|${stamp}`;
  const data = usePolling(
    useCallback(() => executionDataOrNone(nodeId), [nodeId]),
    key,
    0,
  );
  const histories = usePolling(
    useCallback(() => api.getHistories(nodeId), [nodeId]),
    key,
    0,
  );
  const logs = usePolling(
    useCallback(() => api.getLogs(nodeId), [nodeId]),
    key,
    0,
  );
  const exData = data.data?.outputs?.ex_data;
  return (
    <>
      {exData !== undefined && (
        <div className="ex-data" data-testid="node-ex-data">
          <strong>ex_data</strong>
          <pre>{typeof exData === 'string' ? exData : JSON.stringify(exData, null, 2)}</pre>
        </div>
      )}
      {data.data === null && (
        <p className="muted" data-testid="node-no-data">
          No execution data recorded for this node.
        </p>
      )}
      <details open hidden={data.data === null}>
        <summary>Inputs</summary>
        {data.error ? (
          <p className="muted">{data.error}</p>
        ) : (
          <JsonView value={data.data?.inputs ?? {}} testId="node-inputs" />
        )}
      </details>
      <details open hidden={data.data === null}>
        <summary>Outputs</summary>
        {data.error ? (
          <p className="muted">{data.error}</p>
        ) : (
          <JsonView value={data.data?.outputs ?? {}} testId="node-outputs" />
        )}
      </details>
      <details>
        <summary>Histories ({histories.data?.length ?? 0})</summary>
        {histories.error && <p className="muted">{histories.error}</p>}
        {(histories.data ?? []).map((history) => (
          <div key={history.id} className="history" data-testid="node-history">
            <div>
              #{history.id} loop {history.loop} retry {history.retry ?? '—'} {history.skip ? 'skipped' : ''} ·{' '}
              {formatTime(history.started_time)} → {formatTime(history.archived_time)}
            </div>
            {history.inputs && <JsonView value={{ inputs: history.inputs, outputs: history.outputs }} />}
          </div>
        ))}
      </details>
      <details>
        <summary>Log</summary>
        {logs.error ? (
          <p className="muted">{logs.error}</p>
        ) : (
          <pre className="log" data-testid="node-log">
            {logs.data?.log || '(empty)'}
          </pre>
        )}
      </details>
    </>
  );
}
