import { useState } from 'react';
import { commands } from '../api/client';
import type { StateName } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { useAuth } from '../lib/auth';
import { pipelineOperation, type PipelineOperation } from '../lib/operations';
import { useCommand } from './use-command';

const ACTIONS: { op: PipelineOperation; label: string; danger?: boolean; explain: string }[] = [
  { op: 'pause', label: 'Pause', explain: 'Running nodes finish; nothing new starts until resumed.' },
  { op: 'resume', label: 'Resume', explain: 'Suspended processes continue where they stopped.' },
  { op: 'revoke', label: 'Revoke', danger: true, explain: 'Terminal: the pipeline stops for good.' },
];

const SEND: Record<PipelineOperation, (id: string) => Promise<unknown>> = {
  pause: commands.pausePipeline,
  resume: commands.resumePipeline,
  revoke: commands.revokePipeline,
};

export function PipelineActions({
  pipelineId,
  state,
  onDone,
}: {
  pipelineId: string;
  state?: StateName;
  onDone: () => void;
}) {
  const { canOperate } = useAuth();
  const [asking, setAsking] = useState<(typeof ACTIONS)[number] | null>(null);
  const { busy, run } = useCommand(onDone);
  if (!canOperate) return <span className="muted">read-only token: operations hidden</span>;
  return (
    <div className="actions">
      {ACTIONS.map((action) => {
        const availability = pipelineOperation(action.op, state);
        return (
          <button
            key={action.op}
            type="button"
            className={action.danger ? 'danger' : ''}
            disabled={!availability.enabled}
            title={availability.reason}
            onClick={() => setAsking(action)}
            data-testid={`pipeline-${action.op}`}
          >
            {action.label}
          </button>
        );
      })}
      {asking && (
        <ConfirmDialog
          title={`${asking.label} pipeline?`}
          confirmLabel={asking.label}
          danger={asking.danger}
          busy={busy}
          onCancel={() => setAsking(null)}
          onConfirm={() =>
            void run(`${asking.label} pipeline`, () => SEND[asking.op](pipelineId)).then(() => setAsking(null))
          }
        >
          <p>{asking.explain}</p>
          <p className="mono">{pipelineId}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
