import { useCallback, useState } from 'react';
import { api } from '../api/client';
import type { PipelineListQuery } from '../api/types';
import { StateBadge } from '../components/state-badge';
import { elapsed, formatTime } from '../lib/format';
import { formatHash } from '../lib/router';
import { usePolling } from '../lib/use-polling';
import { TaskFilters } from './task-filters';

const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

/** Root pipelines, newest first, with cursor pagination (a stack of cursors gives "previous"). */
export function TaskListPage() {
  const [filters, setFilters] = useState<PipelineListQuery>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [autoRefresh, setAutoRefresh] = useState(true);
  const cursor = cursors[cursors.length - 1];
  const load = useCallback(() => api.listPipelines({ ...filters, limit: PAGE_SIZE, cursor }), [filters, cursor]);
  const page = usePolling(load, JSON.stringify({ filters, cursor }), REFRESH_MS, autoRefresh);
  const items = page.data?.items ?? [];
  const nextCursor = page.data?.next_cursor ?? null;

  const apply = (next: PipelineListQuery): void => {
    setFilters(next);
    setCursors([undefined]);
  };

  return (
    <section className="page">
      <header className="page-header">
        <h1>Tasks</h1>
        <label className="inline">
          <input type="checkbox" checked={autoRefresh} onChange={(event) => setAutoRefresh(event.target.checked)} />
          auto-refresh
        </label>
        <button type="button" onClick={page.refresh}>
          Refresh
        </button>
      </header>
      <TaskFilters onApply={apply} />
      {page.error && <div className="error-banner">{page.error}</div>}
      <table className="grid" data-testid="task-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>State</th>
            <th>Created</th>
            <th>Started</th>
            <th>Archived</th>
            <th>Elapsed</th>
            <th>Nodes</th>
            <th>Failed</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.pipeline_id} data-testid="task-row" data-pipeline-id={item.pipeline_id}>
              <td>
                <a href={formatHash(['tasks', item.pipeline_id])}>{item.name || item.pipeline_id}</a>
                <div className="muted mono">{item.pipeline_id}</div>
              </td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td>{formatTime(item.created_time)}</td>
              <td>{formatTime(item.started_time)}</td>
              <td>{formatTime(item.archived_time)}</td>
              <td>{elapsed(item.started_time, item.archived_time)}</td>
              <td>{item.node_count}</td>
              <td className={item.failed_node_count > 0 ? 'failed-count' : ''}>{item.failed_node_count}</td>
            </tr>
          ))}
          {!page.loading && items.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                No task matches.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <footer className="pager">
        <button
          type="button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((list) => list.slice(0, -1))}
          data-testid="page-previous"
        >
          ← Previous
        </button>
        <span data-testid="page-number">Page {cursors.length}</span>
        <button
          type="button"
          disabled={!nextCursor}
          onClick={() => nextCursor && setCursors((list) => [...list, nextCursor])}
          data-testid="page-next"
        >
          Next →
        </button>
      </footer>
    </section>
  );
}
