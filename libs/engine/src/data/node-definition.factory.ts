import type { ActivityNode, EndEvent, GatewayNode, ParallelGatewayNode, PipelineTree, StartEvent } from '../model';
import type { NodeDefinition } from '../runtime/node-definition';

type TreeNode = StartEvent | EndEvent | ActivityNode | GatewayNode;

const BUILTIN_EVENT_TYPES = new Set(['EmptyStartEvent', 'EmptyEndEvent']);

function outgoingIds(node: TreeNode): string[] {
  const outgoing = node.outgoing as unknown;
  if (Array.isArray(outgoing)) return outgoing as string[];
  return typeof outgoing === 'string' && outgoing !== '' ? [outgoing] : [];
}

/** All nodes of one pipeline level (subprocess bodies excluded). */
export function nodesOf(tree: PipelineTree): TreeNode[] {
  return [tree.start_event, ...Object.values(tree.activities), ...Object.values(tree.gateways), tree.end_event];
}

/**
 * The runtime node record of spec 03 §2 step 3 for one tree node of `tree` (the containing
 * pipeline). `outputMapping` is filled by the caller from the pipeline's `data.inputs`.
 */
export function buildNodeDefinition(node: TreeNode, tree: PipelineTree, rootPipelineId: string): NodeDefinition {
  const targets = outgoingIds(node).map((flowId) => ({ flowId, targetId: tree.flows[flowId]?.target ?? '' }));
  const base = {
    id: node.id,
    name: typeof node.name === 'string' ? node.name : null,
    rootPipelineId,
    parentPipelineId: tree.id,
    targets,
    canSkip: false,
    canRetry: true,
    outputMapping: {},
  };
  switch (node.type) {
    case 'EmptyStartEvent':
      return { ...base, type: 'EmptyStartEvent', canSkip: true };
    case 'ServiceActivity': {
      const sa = node as Extract<ActivityNode, { type: 'ServiceActivity' }>;
      return {
        ...base,
        type: 'ServiceActivity',
        canSkip: sa.skippable !== false,
        canRetry: sa.retryable !== false,
        component: { code: sa.component.code, version: sa.component.version ?? 'legacy' },
        errorIgnorable: sa.error_ignorable === true,
        loopConfig: sa.loop_config,
        timeoutConfig: sa.timeout_config,
      };
    }
    case 'SubProcess': {
      const sp = node as Extract<ActivityNode, { type: 'SubProcess' }>;
      return { ...base, type: 'SubProcess', startEventId: sp.pipeline.start_event.id };
    }
    case 'ParallelGateway':
      return {
        ...base,
        type: 'ParallelGateway',
        convergeGatewayId: (node as ParallelGatewayNode).converge_gateway_id ?? '',
      };
    case 'ExclusiveGateway':
    case 'ConditionalParallelGateway': {
      const gw = node as Extract<GatewayNode, { conditions: unknown }>;
      const conditions = Object.entries(gw.conditions).map(([flowId, condition]) => ({
        flowId,
        targetId: tree.flows[flowId]?.target ?? '',
        evaluate: condition.evaluate,
      }));
      return {
        ...base,
        type: gw.type,
        canSkip: gw.type === 'ExclusiveGateway',
        conditions,
        defaultFlowId: gw.default_condition?.flow_id,
        extraInfo: gw.extra_info ?? {},
        convergeGatewayId: gw.converge_gateway_id,
      };
    }
    case 'ConvergeGateway':
      return { ...base, type: 'ConvergeGateway' };
    default:
      return BUILTIN_EVENT_TYPES.has(node.type)
        ? { ...base, type: 'EmptyEndEvent' }
        : { ...base, type: 'ExecutableEndEvent', endEventType: node.type };
  }
}
