import { useCallback } from 'react';
import { api } from '../api/client';
import type { ComponentInfo, FieldFormat } from '../api/types';
import { formatTime } from '../lib/format';
import { usePolling } from '../lib/use-polling';

function Formats({ formats }: { formats: FieldFormat[] | undefined }) {
  if (!formats?.length) return <span className="muted">—</span>;
  return (
    <ul className="formats">
      {formats.map((format) => (
        <li key={format.key}>
          <span className="mono">{format.key}</span>
          {format.type ? `: ${format.type}` : ''}
          {format.required ? ' (required)' : ''}
          {format.name ? <span className="muted"> — {format.name}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function ComponentRow({ component }: { component: ComponentInfo }) {
  return (
    <tr data-testid="component-row">
      <td className="mono">{component.code}</td>
      <td>
        {component.name}
        {component.group_name ? <span className="muted"> — {component.group_name}</span> : null}
      </td>
      <td className="mono">
        {component.version}
        {component.is_default_version ? ' (default)' : ''}
      </td>
      <td>
        {component.need_schedule ? (component.multi_callback_enabled ? 'multi-callback' : 'schedule') : 'execute'}
      </td>
      <td>
        <Formats formats={component.inputs_format} />
      </td>
      <td>
        <Formats formats={component.outputs_format} />
      </td>
    </tr>
  );
}

/** Workers, queue depths and healer actions (`/engine/status`), and the component catalogue. */
export function EnginePage() {
  const status = usePolling(
    useCallback(() => api.engineStatus(), []),
    'engine-status',
    5000,
  );
  const components = usePolling(
    useCallback(() => api.listComponents(), []),
    'components',
    0,
  );
  return (
    <section className="page" data-testid="engine-page">
      <h1>Engine</h1>
      {status.error && <div className="error-banner">engine status: {status.error}</div>}
      <h2>Workers</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Worker</th>
            <th>Host / pid</th>
            <th>Queues</th>
            <th>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {(status.data?.workers ?? []).map((worker) => (
            <tr key={worker.id} data-testid="worker-row">
              <td className="mono">{worker.id}</td>
              <td>
                {worker.hostname} / {worker.pid}
              </td>
              <td>{worker.queues.join(', ')}</td>
              <td>{formatTime(worker.last_seen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Queues</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Queue</th>
            <th>Waiting</th>
            <th>Active</th>
            <th>Delayed</th>
            <th>Failed</th>
          </tr>
        </thead>
        <tbody>
          {(status.data?.queues ?? []).map((queue) => (
            <tr key={queue.name} data-testid="queue-row">
              <td className="mono">{queue.name}</td>
              <td>{queue.waiting}</td>
              <td>{queue.active}</td>
              <td>{queue.delayed}</td>
              <td>{queue.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Healer actions</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>Time</th>
            <th>Action</th>
            <th>Process</th>
            <th>Node</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {(status.data?.healer ?? []).map((action, index) => (
            <tr key={`${action.time}-${index}`}>
              <td>{formatTime(action.time)}</td>
              <td>{action.action}</td>
              <td>{action.process_id ?? '—'}</td>
              <td className="mono">{action.node_id ?? '—'}</td>
              <td>{action.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Components</h2>
      {components.error && <div className="error-banner">components: {components.error}</div>}
      <table className="grid">
        <thead>
          <tr>
            <th>Code</th>
            <th>Name</th>
            <th>Version</th>
            <th>Kind</th>
            <th>Inputs</th>
            <th>Outputs</th>
          </tr>
        </thead>
        <tbody>
          {(components.data ?? []).map((component) => (
            <ComponentRow key={`${component.code}@${component.version}`} component={component} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
