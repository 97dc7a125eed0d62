import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StateName } from '../api/types';
import { STATE_COLOURS } from '../lib/states';
import type { GraphNode } from './graph-model';

export interface NodeData extends Record<string, unknown> {
  node: GraphNode;
  state: StateName | undefined;
  selected: boolean;
}

export type FlowNode = Node<NodeData>;

function colours(data: NodeData) {
  return STATE_COLOURS[data.state ?? 'NONE'];
}

const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
  </>
);

function TaskNodeView({ data }: NodeProps<FlowNode>) {
  const { fill, stroke } = colours(data);
  const { node } = data;
  return (
    <div
      className={`graph-task ${node.kind} ${data.selected ? 'selected' : ''}`}
      style={{ background: fill, borderColor: stroke, width: node.width, height: node.height }}
      data-testid="graph-node"
      data-node-id={node.id}
      data-state={data.state ?? 'NONE'}
      title={`${node.type} ${node.id}\n${data.state ?? 'not started'}`}
    >
      {handles}
      <div className="graph-task-label">
        {node.kind === 'subprocess' ? '⊞ ' : ''}
        {node.label}
      </div>
      <div className="graph-task-detail">{node.detail ?? node.type}</div>
    </div>
  );
}

const GATEWAY_GLYPH: Record<string, string> = {
  ParallelGateway: '+',
  ExclusiveGateway: '×',
  ConditionalParallelGateway: '◇',
  ConvergeGateway: '⋈',
};

function GatewayNodeView({ data }: NodeProps<FlowNode>) {
  const { fill, stroke } = colours(data);
  const { node } = data;
  return (
    <div
      className={`graph-gateway ${data.selected ? 'selected' : ''}`}
      style={{ width: node.width, height: node.height }}
      data-testid="graph-node"
      data-node-id={node.id}
      data-state={data.state ?? 'NONE'}
      title={`${node.type} ${node.label} ${node.id}\n${data.state ?? 'not started'}`}
    >
      {handles}
      <div className="graph-gateway-shape" style={{ background: fill, borderColor: stroke }} />
      <span className="graph-gateway-glyph">{GATEWAY_GLYPH[node.type] ?? '?'}</span>
    </div>
  );
}

function EventNodeView({ data }: NodeProps<FlowNode>) {
  const { fill, stroke } = colours(data);
  const { node } = data;
  return (
    <div
      className={`graph-event ${node.kind} ${data.selected ? 'selected' : ''}`}
      style={{ background: fill, borderColor: stroke, width: node.width, height: node.height }}
      data-testid="graph-node"
      data-node-id={node.id}
      data-state={data.state ?? 'NONE'}
      title={`${node.type} ${node.id}\n${data.state ?? 'not started'}`}
    >
      {handles}
    </div>
  );
}

export const nodeTypes = {
  task: memo(TaskNodeView),
  gateway: memo(GatewayNodeView),
  event: memo(EventNodeView),
};

export function flowTypeOf(node: GraphNode): keyof typeof nodeTypes {
  if (node.kind === 'gateway') return 'gateway';
  if (node.kind === 'start' || node.kind === 'end') return 'event';
  return 'task';
}
