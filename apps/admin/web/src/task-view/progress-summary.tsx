import type { NodeStateRecord } from '../api/types';
import { elapsed } from '../lib/format';
import type { Progress } from '../lib/states';

export function ProgressSummary({ progress, root }: { progress: Progress; root: NodeStateRecord | undefined }) {
  const total = progress.finished + progress.running + progress.failed + progress.not_started;
  const pct = total ? Math.round((progress.finished / total) * 100) : 0;
  return (
    <div className="progress" data-testid="progress-summary">
      <div className="progress-bar">
        <span className="finished" style={{ width: `${(progress.finished / Math.max(total, 1)) * 100}%` }} />
        <span className="running" style={{ width: `${(progress.running / Math.max(total, 1)) * 100}%` }} />
        <span className="failed" style={{ width: `${(progress.failed / Math.max(total, 1)) * 100}%` }} />
      </div>
      <span data-testid="progress-finished">{progress.finished} finished</span>
      <span data-testid="progress-running">{progress.running} running</span>
      <span data-testid="progress-failed">{progress.failed} failed</span>
      <span data-testid="progress-not-started">{progress.not_started} not started</span>
      <span>({pct}%)</span>
      <span data-testid="elapsed">elapsed {elapsed(root?.started_time, root?.archived_time)}</span>
    </div>
  );
}
