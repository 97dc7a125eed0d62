import { formatKey } from '../../data/context-keys';
import { ProcessEffects } from '../../process/process-effects';
import { StepEffects } from '../../process/step-effects';
import type { NodeDefinition } from '../../runtime/node-definition';
import type { ContextValue, NodeInput, ProcessRecord } from '../../runtime/runtime-records';
import { InvalidOperationError } from '../../runtime/runtime.errors';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';
import { addHistory } from './node-history';
import { OperatorTarget } from './operator-target';

export interface RetryNodeOptions {
  /** Complete replacement inputs; `_escape_render_keys` lists keys stored with `needRender: false`. */
  data?: Record<string, unknown>;
  /** Repeat only the failed iteration of a `loop_config` node (LOOP_READY, retry not counted). */
  loopRetry?: boolean;
}

/**
 * `retry_node` (spec 06 A.8): optional input replacement, history, loop outputs trimmed, state
 * READY (retry+1) or LOOP_READY with a fresh version and cleared times, and the sleeping process
 * re-dispatched at the node — one commit, conditional on the FAILED state read.
 */
export async function retryNode(ctx: CommandContext, nodeId: string, options: RetryNodeOptions = {}): Promise<void> {
  const target = await OperatorTarget.load(ctx, nodeId);
  const node = target.node();
  const loopRetry = options.loopRetry ?? false;
  assertRetryable(node, loopRetry);
  const state = target.stateIn('FAILED');
  const process = target.sleepingProcess();
  const effects = new StepEffects(ctx.services);
  effects.observe(state, nodeId);
  if (options.data) effects.add({ nodeData: [{ nodeId, data: { inputs: replacementInputs(options.data) } }] });
  addHistory(ctx, effects, target);
  const loopOutputs = await trimmedLoopOutputs(ctx, node, process, loopRetry);
  if (loopOutputs) effects.add({ context: [loopOutputs] });
  effects.setState(nodeId, loopRetry ? 'LOOP_READY' : 'READY', {
    incrementRetry: !loopRetry,
    refreshVersion: true,
    clearTimes: true,
  });
  new ProcessEffects(process, process.taskToken, ctx.services).redispatch(effects, nodeId);
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_retry_node', data: { node_id: nodeId, data: options.data ?? null } },
    post: () => ({ event_type: 'post_retry_node', data: { node_id: nodeId, data: options.data ?? null } }),
    componentHooks: ['preRetryNode', 'postRetryNode'],
    target,
  });
}

function assertRetryable(node: NodeDefinition, loopRetry: boolean): void {
  if (!loopRetry) {
    if (!node.canRetry) throw new InvalidOperationError(`node(${node.id}) can not retry`);
    return;
  }
  const loop = node.type === 'ServiceActivity' ? node.loopConfig : undefined;
  if (!loop?.enable || !loop.retryable || !loop.loop_times) {
    throw new InvalidOperationError(`node(${node.id}) can not loop retry`);
  }
}

/** The whole new input set (spec 06 A.8 effect 1): keys not given are dropped. */
function replacementInputs(data: Record<string, unknown>): Record<string, NodeInput> {
  const { _escape_render_keys: escaped, ...rest } = data;
  const escapedKeys = new Set(Array.isArray(escaped) ? escaped.map(String) : []);
  const inputs: Record<string, NodeInput> = {};
  for (const [key, value] of Object.entries(rest)) inputs[key] = { needRender: !escapedKeys.has(key), value };
  return inputs;
}

/**
 * A loop node's aggregated outputs list: without its last element for a loop retry, emptied for a
 * normal retry (spec 01 §7.3 Decision). Undefined when the node has no loop or the list is empty.
 */
async function trimmedLoopOutputs(
  ctx: CommandContext,
  node: NodeDefinition,
  process: ProcessRecord,
  loopRetry: boolean,
): Promise<{ pipelineId: string; values: ContextValue[] } | undefined> {
  if (node.type !== 'ServiceActivity' || !node.loopConfig?.enable) return undefined;
  const pipelineId = process.pipelineStack[process.pipelineStack.length - 1]!;
  const key = formatKey(node.loopConfig.outputs_key ?? 'outputs');
  const [stored] = await ctx.services.runtime.readContext(pipelineId, [key], false);
  if (!stored || !Array.isArray(stored.value) || stored.value.length === 0) return undefined;
  const value = loopRetry ? stored.value.slice(0, -1) : [];
  return { pipelineId, values: [{ ...stored, value }] };
}
