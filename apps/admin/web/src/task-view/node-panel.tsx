import { useCallback } from 'react';
import { api } from '../api/client';
import type { NodeStateRecord, PipelineTree, StateName } from '../api/types';
import type { TreeElement } from '../graph/graph-model';
import type { BranchPick } from '../graph/pipeline-graph';
import { usePolling } from '../lib/use-polling';
import { NodeRecords, NodeStateFields } from './node-details';
import { NodeOperations } from './node-operations';

interface Props {
  tree: PipelineTree;
  element: TreeElement;
  /** The node's entry of the polled states tree (absent when not reached). */
  polledState: NodeStateRecord | undefined;
  rootState: StateName | undefined;
  pick: BranchPick | null;
  setPick: (pick: BranchPick | null) => void;
  onOpenSubprocess: (id: string) => void;
  onClose: () => void;
  onChanged: () => void;
}

export function NodePanel(props: Props) {
  const { tree, element, polledState, rootState, onChanged } = props;
  // The states tree omits a pause booked on a node not reached yet; /nodes/{id}/state has it.
  const stamp = `${polledState?.state ?? ''}|${polledState?.version ?? ''}`;
  const own = usePolling(
    useCallback(() => api.getNodeState(element.id), [element.id]),
    `${element.id}|${stamp}`,
    0,
  );
  const state = polledState ?? own.data;
  const refresh = (): void => {
    own.refresh();
    onChanged();
  };
  return (
    <aside className="node-panel" data-testid="node-panel" data-node-id={element.id}>
      <header>
        <h2>{element.name ? String(element.name) : element.type}</h2>
        <button type="button" className="link" onClick={props.onClose} aria-label="close">
          ×
        </button>
      </header>
      <div className="mono muted">{element.id}</div>
      {element.type === 'SubProcess' && (
        <button type="button" onClick={() => props.onOpenSubprocess(element.id)} data-testid="open-subprocess">
          Open subprocess graph
        </button>
      )}
      <NodeStateFields element={element} state={state} />
      <NodeOperations
        tree={tree}
        element={element}
        state={state}
        rootState={rootState}
        pick={props.pick}
        setPick={props.setPick}
        onDone={refresh}
      />
      <NodeRecords nodeId={element.id} stamp={`${state?.state ?? ''}|${state?.version ?? ''}`} />
    </aside>
  );
}
