import { useState } from 'react';
import { commands } from '../api/client';
import type { GatewayNode, NodeStateRecord, PipelineTree, StateName } from '../api/types';
import type { TreeElement } from '../graph/graph-model';
import type { BranchPick } from '../graph/pipeline-graph';
import { useAuth } from '../lib/auth';
import { nodeOperation, type NodeOperation } from '../lib/operations';
import { GatewaySkip } from './gateway-skip';
import { CallbackDialog, ForcedFailDialog, RetryDialog, SimpleDialog } from './operation-dialogs';
import { useCommand } from './use-command';

interface Props {
  tree: PipelineTree;
  element: TreeElement;
  state: NodeStateRecord | undefined;
  rootState: StateName | undefined;
  pick: BranchPick | null;
  setPick: (pick: BranchPick | null) => void;
  onDone: () => void;
}

const LABELS: Record<NodeOperation, string> = {
  pause: 'Pause (book)',
  resume: 'Resume',
  retry: 'Retry',
  'retry-subprocess': 'Retry subprocess',
  skip: 'Skip',
  'skip-exclusive-gateway': 'Skip gateway…',
  'skip-conditional-parallel-gateway': 'Skip gateway…',
  'forced-fail': 'Force fail',
  callback: 'Callback',
};

const SIMPLE: Partial<Record<NodeOperation, { explain: string; call: (id: string) => Promise<unknown> }>> = {
  pause: { explain: 'The run stops before this node until it is resumed.', call: commands.pauseNode },
  resume: { explain: 'Cancel the booked pause; a process waiting here continues.', call: commands.resumeNode },
  skip: { explain: 'The node is marked finished (skipped); its outputs are not written.', call: commands.skipNode },
  'retry-subprocess': { explain: 'The subprocess restarts from its start event.', call: commands.retrySubprocess },
};

function operationsFor(element: TreeElement): NodeOperation[] {
  switch (element.type) {
    case 'ServiceActivity':
      return ['pause', 'resume', 'retry', 'skip', 'forced-fail', 'callback'];
    case 'SubProcess':
      return ['retry-subprocess'];
    case 'ExclusiveGateway':
      return ['pause', 'resume', 'retry', 'skip-exclusive-gateway'];
    case 'ConditionalParallelGateway':
      return ['pause', 'resume', 'retry', 'skip-conditional-parallel-gateway'];
    case 'EmptyStartEvent':
      return ['skip'];
    default:
      return ['pause', 'resume', 'retry'];
  }
}

/** The operations of one node; disabled ones say why (06 Part A preconditions). */
export function NodeOperations({ tree, element, state, rootState, pick, setPick, onDone }: Props) {
  const { canOperate } = useAuth();
  const [open, setOpen] = useState<NodeOperation | null>(null);
  const { busy, run } = useCommand(onDone);
  if (!canOperate) return null;
  const send = (label: string, call: () => Promise<unknown>): void => {
    void run(label, call).then((ok) => {
      setOpen(null);
      if (ok) setPick(null);
    });
  };
  const start = (operation: NodeOperation): void => {
    if (operation === 'skip-exclusive-gateway' || operation === 'skip-conditional-parallel-gateway') {
      setPick({ gatewayId: element.id, chosen: new Set() });
    } else setOpen(operation);
  };
  const dialogProps = { element, state, busy, send, onCancel: () => setOpen(null) };
  const simple = open ? SIMPLE[open] : undefined;
  const isGateway = element.type === 'ExclusiveGateway' || element.type === 'ConditionalParallelGateway';
  return (
    <div className="node-operations" data-testid="node-operations">
      {operationsFor(element).map((operation) => {
        const availability = nodeOperation(operation, { element, state, rootState });
        return (
          <div key={operation} className="operation">
            <button
              type="button"
              disabled={!availability.enabled}
              onClick={() => start(operation)}
              data-testid={`node-${operation}`}
            >
              {LABELS[operation]}
            </button>
            {!availability.enabled && <span className="reason">{availability.reason}</span>}
          </div>
        );
      })}
      {isGateway && pick?.gatewayId === element.id && (
        <GatewaySkip
          tree={tree}
          gateway={element as GatewayNode}
          pick={pick}
          setPick={setPick}
          busy={busy}
          send={send}
        />
      )}
      {open === 'retry' && element.type === 'ServiceActivity' && <RetryDialog {...dialogProps} />}
      {open === 'retry' && element.type !== 'ServiceActivity' && (
        <SimpleDialog
          title="Retry"
          explain="The node runs again (a gateway re-evaluates its conditions)."
          element={element}
          busy={busy}
          onCancel={dialogProps.onCancel}
          onConfirm={() => send('Retry', () => commands.retryNode(element.id))}
        />
      )}
      {open === 'forced-fail' && <ForcedFailDialog {...dialogProps} />}
      {open === 'callback' && <CallbackDialog {...dialogProps} />}
      {open && simple && (
        <SimpleDialog
          title={LABELS[open]}
          explain={simple.explain}
          element={element}
          busy={busy}
          onCancel={dialogProps.onCancel}
          onConfirm={() => send(LABELS[open], () => simple.call(element.id))}
        />
      )}
    </div>
  );
}
