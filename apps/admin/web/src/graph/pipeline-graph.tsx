import { useMemo, useRef } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Edge } from '@xyflow/react';
import type { StateMap } from '../lib/states';
import { STATE_COLOURS } from '../lib/states';
import type { GraphModel } from './graph-model';
import { flowTypeOf, nodeTypes, type FlowNode } from './graph-nodes';
import type { LayoutResult } from './layout';

export interface BranchPick {
  gatewayId: string;
  chosen: ReadonlySet<string>;
}

interface Props {
  model: GraphModel;
  layout: LayoutResult;
  states: StateMap;
  selectedId: string | null;
  branchPick: BranchPick | null;
  onSelectNode: (id: string | null) => void;
  onOpenSubprocess: (id: string) => void;
  onPickEdge: (flowId: string) => void;
  onPainted: () => void;
}

/**
 * Reuses the node objects whose look did not change since the last poll: React Flow then skips
 * them, so a 1,000-node graph only re-renders the few nodes whose state moved.
 */
function useStableNodes(props: Props): FlowNode[] {
  const cache = useRef(new Map<string, { key: string; node: FlowNode }>());
  const { model, layout, states, selectedId } = props;
  return useMemo(() => {
    const next = new Map<string, { key: string; node: FlowNode }>();
    const nodes = model.nodes.map((node) => {
      const state = states.get(node.id)?.state;
      const selected = node.id === selectedId;
      const key = `${model.id}|${state ?? ''}|${selected}`;
      const previous = cache.current.get(node.id);
      const entry =
        previous && previous.key === key
          ? previous
          : {
              key,
              node: {
                id: node.id,
                type: flowTypeOf(node),
                position: layout.positions[node.id] ?? { x: 0, y: 0 },
                data: { node, state, selected },
                width: node.width,
                height: node.height,
                draggable: false,
                connectable: false,
              } satisfies FlowNode,
            };
      next.set(node.id, entry);
      return entry.node;
    });
    cache.current = next;
    return nodes;
  }, [model, layout, states, selectedId]);
}

function useEdges({ model, states, branchPick }: Props): Edge[] {
  return useMemo(
    () =>
      model.edges.map((edge): Edge => {
        const pickable = branchPick?.gatewayId === edge.source;
        const chosen = pickable && branchPick.chosen.has(edge.id);
        const targetState = states.get(edge.target)?.state;
        const colour = chosen
          ? '#1f845a'
          : pickable
            ? '#0c66e4'
            : targetState
              ? STATE_COLOURS[targetState].stroke
              : '#b3b9c4';
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: edge.label ?? (pickable ? edge.id.slice(0, 8) : undefined),
          labelBgPadding: [4, 2],
          labelStyle: { fontSize: 11 },
          className: pickable ? 'pickable-edge' : undefined,
          animated: pickable && !chosen,
          selectable: pickable,
          focusable: pickable,
          markerEnd: { type: MarkerType.ArrowClosed, color: colour },
          style: { stroke: colour, strokeWidth: pickable ? 3 : 1.5 },
        };
      }),
    [model, states, branchPick],
  );
}

const LARGE = 300;
const OPENING_NODES = 60;

/**
 * A large graph opens on its start (the leftmost nodes) at a readable zoom instead of fitting all
 * of it: with onlyRenderVisibleElements only those nodes reach the DOM, which keeps first paint
 * fast on 1,000 nodes; the controls' "fit view" still shows everything on demand.
 */
function openingView(model: GraphModel, layout: LayoutResult) {
  // Small graphs stop at 1:1 so they keep a margin when the node panel narrows the canvas.
  if (model.nodes.length <= LARGE) return { padding: 0.1, maxZoom: 1 };
  const leftmost = [...model.nodes]
    .sort((a, b) => (layout.positions[a.id]?.x ?? 0) - (layout.positions[b.id]?.x ?? 0))
    .slice(0, OPENING_NODES)
    .map((node) => ({ id: node.id }));
  return { nodes: leftmost, padding: 0.1, minZoom: 0.4 };
}

export function PipelineGraph(props: Props) {
  const nodes = useStableNodes(props);
  const edges = useEdges(props);
  const { model, layout, onSelectNode, onOpenSubprocess, onPickEdge, branchPick, onPainted } = props;
  const large = nodes.length > LARGE;
  const fitViewOptions = useMemo(() => openingView(model, layout), [model, layout]);
  return (
    <div className="graph" data-testid="pipeline-graph" data-node-count={nodes.length}>
      <ReactFlow<FlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.02}
        maxZoom={2}
        onlyRenderVisibleElements={large}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        proOptions={{ hideAttribution: true }}
        onInit={() => requestAnimationFrame(() => requestAnimationFrame(onPainted))}
        onNodeClick={(_, node) => onSelectNode(node.id)}
        onNodeDoubleClick={(_, node) => node.data.node.kind === 'subprocess' && onOpenSubprocess(node.id)}
        onEdgeClick={(_, edge) => branchPick?.gatewayId === edge.source && onPickEdge(edge.id)}
        onPaneClick={() => onSelectNode(null)}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        {!large && <MiniMap pannable zoomable />}
      </ReactFlow>
    </div>
  );
}
