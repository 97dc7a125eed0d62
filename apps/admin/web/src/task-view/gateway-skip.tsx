import { useState } from 'react';
import { commands } from '../api/client';
import type { GatewayNode, PipelineTree } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import type { BranchPick } from '../graph/pipeline-graph';

interface Props {
  tree: PipelineTree;
  gateway: GatewayNode;
  pick: BranchPick;
  setPick: (pick: BranchPick | null) => void;
  busy: boolean;
  send: (label: string, call: () => Promise<unknown>) => void;
}

function outgoingOf(gateway: GatewayNode): string[] {
  return Array.isArray(gateway.outgoing) ? gateway.outgoing : [gateway.outgoing].filter(Boolean);
}

/**
 * Branch chooser of a failed exclusive / conditional parallel gateway. The same choice can be made
 * by clicking the highlighted outgoing edges on the graph; both edit the one `pick` state.
 */
export function GatewaySkip({ tree, gateway, pick, setPick, busy, send }: Props) {
  const [confirming, setConfirming] = useState(false);
  const multiple = gateway.type === 'ConditionalParallelGateway';
  const flows = outgoingOf(gateway).map((flowId) => {
    const flow = tree.flows[flowId];
    const target = flow ? (tree.activities[flow.target] ?? tree.gateways[flow.target]) : undefined;
    const condition = gateway.conditions?.[flowId];
    return {
      flowId,
      target: target?.name ? String(target.name) : (flow?.target ?? '?'),
      condition: condition
        ? condition.name || condition.evaluate
        : gateway.default_condition?.flow_id === flowId
          ? 'default'
          : '',
    };
  });
  const toggle = (flowId: string): void => {
    const chosen = new Set(multiple ? pick.chosen : []);
    if (chosen.has(flowId)) chosen.delete(flowId);
    else chosen.add(flowId);
    setPick({ gatewayId: gateway.id, chosen });
  };
  const chosen = [...pick.chosen];
  const submit = (): void => {
    if (multiple) {
      const converge = gateway.converge_gateway_id ?? '';
      send('Skip gateway', () => commands.skipConditionalParallelGateway(gateway.id, chosen, converge));
    } else if (chosen[0]) {
      const flowId = chosen[0];
      send('Skip gateway', () => commands.skipExclusiveGateway(gateway.id, flowId));
    }
  };
  return (
    <div className="branch-pick" data-testid="branch-pick">
      <p>
        Click {multiple ? 'the branches' : 'a branch'} on the graph (highlighted edges) or pick{' '}
        {multiple ? 'them' : 'one'} here:
      </p>
      {flows.map((flow) => (
        <label key={flow.flowId} className="branch-option">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name="branch"
            checked={pick.chosen.has(flow.flowId)}
            onChange={() => toggle(flow.flowId)}
            data-testid="branch-option"
            data-flow-id={flow.flowId}
          />
          → {flow.target} {flow.condition && <span className="muted">[{flow.condition}]</span>}
        </label>
      ))}
      <div className="actions">
        <button type="button" onClick={() => setPick(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => setConfirming(true)}
          data-testid="branch-skip"
        >
          Skip via {chosen.length || 'no'} branch{chosen.length === 1 ? '' : 'es'}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Skip gateway"
          confirmLabel="Skip"
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            submit();
          }}
        >
          <p>The gateway is marked skipped and the run continues on:</p>
          <ul>
            {flows
              .filter((flow) => pick.chosen.has(flow.flowId))
              .map((flow) => (
                <li key={flow.flowId}>
                  → {flow.target} <span className="mono muted">{flow.flowId}</span>
                </li>
              ))}
          </ul>
        </ConfirmDialog>
      )}
    </div>
  );
}
