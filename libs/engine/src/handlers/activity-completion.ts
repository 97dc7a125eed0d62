import { formatKey } from '../data/context-keys';
import { OutputsNotSerializableError, toJsonOutputs } from '../data/json-outputs';
import { appendLoopOutput, extractOutputs } from '../data/output-extractor';
import type { EngineServices } from '../process/engine-services';
import type { StepEffects } from '../process/step-effects';
import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { ContextValue, ExecutionData } from '../runtime/runtime-records';
import type { ServiceCall } from './service-call';
import { successorOf } from './node-handler';

export interface ActivityContext {
  node: ServiceActivityDefinition;
  services: EngineServices;
  effects: StepEffects;
  topPipelineId: string;
  /** The attempt's stored `inner_loop` (without offset). */
  innerLoop: number;
}

export type ActivityOutcome = { kind: 'next'; nextNodeId: string } | { kind: 'failed' };

/** Itself while a `loop_config` loop must go on, else the single successor (spec 01 §7.3). */
export function loopAwareNext(ctx: ActivityContext): string {
  const loop = ctx.node.loopConfig;
  if (loop?.enable && loop.loop_times !== undefined && ctx.innerLoop < loop.loop_times) return ctx.node.id;
  return successorOf(ctx.node);
}

/** Where a failed attempt continues, or undefined when the node really fails (spec 03 §4.2 step 8). */
function failureNext(ctx: ActivityContext): string | undefined {
  if (ctx.node.errorIgnorable) return successorOf(ctx.node);
  const loop = ctx.node.loopConfig;
  if (loop?.enable && loop.loop_times !== undefined && loop.fail_skip) return loopAwareNext(ctx);
  return undefined;
}

/** Outputs as JSON; a value JSON cannot carry turns the attempt into a failure (spec 07 §2.5). */
export function serializeOutputs(outputs: Record<string, unknown>): { outputs: Record<string, unknown>; ok: boolean } {
  try {
    return { outputs: toJsonOutputs(outputs), ok: true };
  } catch (error) {
    if (!(error instanceof OutputsNotSerializableError)) throw error;
    const safe: Record<string, unknown> = {};
    for (const key of ['_loop', '_inner_loop']) if (key in outputs) safe[key] = outputs[key];
    return { outputs: { ...safe, ex_data: error.message, _result: false }, ok: false };
  }
}

/**
 * Ends an execute or schedule attempt: FINISHED (maybe `error_ignored`) toward the next node, or
 * FAILED; execution data saved; outputs extracted into the context in every case (spec 04 §7.2).
 */
export async function completeActivity(
  ctx: ActivityContext,
  call: ServiceCall | undefined,
  success: boolean,
  data: ExecutionData,
  phase: 'execute' | 'schedule',
): Promise<ActivityOutcome> {
  const next = success ? loopAwareNext(ctx) : failureNext(ctx);
  if (next === undefined) {
    await call?.event(`node_${phase}_fail`);
    await call?.hook(phase === 'execute' ? 'nodeExecuteFail' : 'nodeScheduleFail');
    ctx.effects.setState(ctx.node.id, 'FAILED', { setArchived: true });
  } else {
    if (next !== ctx.node.id) await call?.hook('nodeFinish');
    ctx.effects.setState(ctx.node.id, 'FINISHED', { setArchived: true, errorIgnored: !success });
  }
  const saved = call ? { inputs: call.data.inputs, outputs: call.data.outputs } : data;
  ctx.effects.add({
    executionData: [{ nodeId: ctx.node.id, data: saved }],
    context: [{ pipelineId: ctx.topPipelineId, values: await extractedValues(ctx, saved.outputs) }],
  });
  return next === undefined ? { kind: 'failed' } : { kind: 'next', nextNodeId: next };
}

async function extractedValues(ctx: ActivityContext, outputs: Record<string, unknown>): Promise<ContextValue[]> {
  const loop = ctx.node.loopConfig;
  if (!loop?.enable) return extractOutputs(ctx.node.outputMapping, outputs);
  const key = formatKey(loop.outputs_key ?? 'outputs');
  const [existing] = await ctx.services.runtime.readContext(ctx.topPipelineId, [key], false);
  return [appendLoopOutput(key, existing?.value, outputs)];
}
