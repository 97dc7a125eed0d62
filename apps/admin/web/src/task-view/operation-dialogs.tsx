import { useEffect, useState } from 'react';
import { api, commands } from '../api/client';
import type { NodeStateRecord, ServiceActivityNode } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { TreeElement } from '../graph/graph-model';
import { parseJson, parseJsonObject, toJson } from '../lib/format';
import { JsonEditor } from './json-editor';

export interface DialogProps {
  element: TreeElement;
  state: NodeStateRecord | undefined;
  busy: boolean;
  send: (label: string, call: () => Promise<unknown>) => void;
  onCancel: () => void;
}

// Engine-reserved keys the engine writes itself (spec 02 §3.1); sending them back would be refused.
const RESERVED = new Set(['_loop', '_inner_loop']);

function withoutReserved(inputs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !RESERVED.has(key)));
}

function treeInputs(element: TreeElement): Record<string, unknown> {
  if (element.type !== 'ServiceActivity') return {};
  const inputs = (element as ServiceActivityNode).component.inputs;
  return Object.fromEntries(Object.entries(inputs).map(([key, variable]) => [key, variable.value]));
}

/** Retry with the inputs the node ran with, editable: they replace the node's whole input set (06 A.8). */
export function RetryDialog({ element, busy, send, onCancel }: DialogProps) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.getExecutionData(element.id).then(
      (data) => !cancelled && setText(toJson(withoutReserved(data.inputs ?? {}))),
      () => !cancelled && setText(toJson(treeInputs(element))),
    );
    return () => {
      cancelled = true;
    };
  }, [element]);
  const parsed = text === null ? { error: 'loading' } : parseJsonObject(text);
  return (
    <ConfirmDialog
      title="Retry node"
      confirmLabel="Retry"
      busy={busy}
      invalid={!parsed.value}
      onCancel={onCancel}
      onConfirm={() => parsed.value && send('Retry', () => commands.retryNode(element.id, parsed.value))}
    >
      <p>These inputs replace the node&apos;s whole input set. Keys you remove are dropped.</p>
      {text === null ? (
        <p className="muted">Loading inputs…</p>
      ) : (
        <JsonEditor value={text} onChange={setText} testId="retry-inputs" />
      )}
    </ConfirmDialog>
  );
}

export function ForcedFailDialog({ element, busy, send, onCancel }: DialogProps) {
  const [exData, setExData] = useState('forced fail by admin console');
  return (
    <ConfirmDialog
      title="Force fail node"
      confirmLabel="Force fail"
      danger
      busy={busy}
      invalid={!exData.trim()}
      onCancel={onCancel}
      onConfirm={() => send('Force fail', () => commands.forcedFail(element.id, exData))}
    >
      <p>The running code finishes but its results are discarded; the node becomes FAILED.</p>
      <label>
        ex_data
        <input value={exData} onChange={(event) => setExData(event.target.value)} data-testid="forced-fail-ex-data" />
      </label>
    </ConfirmDialog>
  );
}

export function CallbackDialog({ element, state, busy, send, onCancel }: DialogProps) {
  const [version, setVersion] = useState(state?.version ?? '');
  const [text, setText] = useState('{}');
  const parsed = parseJson(text);
  return (
    <ConfirmDialog
      title="Send callback"
      confirmLabel="Send"
      busy={busy}
      invalid={parsed.error !== undefined || !version}
      onCancel={onCancel}
      onConfirm={() => send('Callback', () => commands.callback(element.id, version, parsed.value))}
    >
      <label>
        version (the node&apos;s current one by default)
        <input className="mono" value={version} onChange={(event) => setVersion(event.target.value)} />
      </label>
      <JsonEditor value={text} onChange={setText} testId="callback-data" />
    </ConfirmDialog>
  );
}

/** Plain confirmations: pause/resume booking, skip, retry without inputs, retry subprocess. */
export function SimpleDialog({
  title,
  explain,
  element,
  busy,
  onCancel,
  onConfirm,
}: {
  title: string;
  explain: string;
  element: TreeElement;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog title={title} confirmLabel={title} busy={busy} onCancel={onCancel} onConfirm={onConfirm}>
      <p>{explain}</p>
      <p className="mono">
        {element.type} {element.id}
      </p>
    </ConfirmDialog>
  );
}
