import { DataObject, ScheduleType } from '../component';
import type { EngineServices } from '../process/engine-services';
import { stopwatch } from '../process/observation';
import type { StepEffects } from '../process/step-effects';
import type { RunDefinition, ServiceActivityDefinition } from '../runtime/node-definition';
import type {
  CallbackDataRecord,
  ExecutionData,
  NodeStateRecord,
  ProcessRecord,
  ScheduleRecord,
} from '../runtime/runtime-records';
import type { ActivityContext } from './activity-completion';
import { completeActivity, serializeOutputs } from './activity-completion';
import { traceOf } from './node-failure';
import { isSuccess, missingComponentText, ServiceCall } from './service-call';

export interface ScheduleStep {
  node: ServiceActivityDefinition;
  run: RunDefinition;
  process: ProcessRecord;
  state: NodeStateRecord;
  schedule: ScheduleRecord;
  executionData: ExecutionData | undefined;
  callbackData: CallbackDataRecord | undefined;
  effects: StepEffects;
  services: EngineServices;
}

export type ScheduleOutcome =
  | { kind: 'next'; nextNodeId: string }
  | { kind: 'failed' }
  /** Poll again after `after` seconds. */
  | { kind: 'poll'; after: number }
  /** A multi-callback node waits for its next callback. */
  | { kind: 'wait' };

/** Service activity, schedule phase (spec 03 §4.4). */
export async function scheduleServiceActivity(step: ScheduleStep): Promise<ScheduleOutcome> {
  const { node, state, schedule, services } = step;
  const preparing = stopwatch(services);
  const offset = services.settings.rerunIndexOffset;
  const counters = { _loop: state.loop + offset, _inner_loop: state.innerLoop + offset };
  const stored = step.executionData ?? { inputs: {}, outputs: {} };
  const topPipelineId = step.process.pipelineStack[step.process.pipelineStack.length - 1]!;
  const record = step.callbackData;
  const call = await ServiceCall.open({
    node,
    services,
    rootPipelineData: step.run.rootPipelineData,
    data: new DataObject({ ...stored.inputs }, { ...stored.outputs }),
    attrs: {
      version: schedule.version,
      topPipelineId,
      rootPipelineId: step.run.rootPipelineId,
      loop: state.loop,
      innerLoop: state.innerLoop,
    },
    callbackRecord: record
      ? { id: record.id, node_id: record.nodeId, version: record.version, data: record.data }
      : null,
  });
  const ctx: ActivityContext = { node, services, effects: step.effects, topPipelineId, innerLoop: state.innerLoop };
  if (!call) {
    const failed = { inputs: stored.inputs, outputs: { ...stored.outputs, ex_data: missingComponentText(node) } };
    return completeActivity(ctx, undefined, false, failed, 'schedule');
  }
  const callbackData = record?.data ?? null;
  call.observe('engine_node_schedule_pre_process_duration', preparing());
  const { success: ran, done } = await runSchedule(call, callbackData);
  const completing = stopwatch(services);
  const outcome = await completeSchedule(step, ctx, call, ran, done, counters);
  call.observe('engine_node_schedule_post_process_duration', completing());
  return outcome;
}

async function completeSchedule(
  step: ScheduleStep,
  ctx: ActivityContext,
  call: ServiceCall,
  ran: boolean,
  done: boolean,
  counters: { _loop: number; _inner_loop: number },
): Promise<ScheduleOutcome> {
  const { node, schedule } = step;
  const serialized = serializeOutputs({ ...call.data.outputs, _result: ran, ...counters });
  call.data.outputs = serialized.outputs;
  const success = ran && serialized.ok;
  if (success && schedule.type !== ScheduleType.CALLBACK && !done) {
    step.effects.add({
      executionData: [{ nodeId: node.id, data: { inputs: call.data.inputs, outputs: call.data.outputs } }],
    });
    if (schedule.type === ScheduleType.MULTIPLE_CALLBACK) return { kind: 'wait' };
    return { kind: 'poll', after: pollDelay(call, schedule.times + 1) };
  }
  return completeActivity(ctx, call, success, { inputs: call.data.inputs, outputs: call.data.outputs }, 'schedule');
}

async function runSchedule(call: ServiceCall, callbackData: Record<string, unknown> | null) {
  await call.event('pre_schedule');
  try {
    await call.hook('preSchedule');
    await call.beforeSchedule();
    const success = isSuccess(await call.service.schedule(call.data, call.parentData, callbackData));
    if (!success) {
      call.countFailure('schedule', false);
      return { success, done: false };
    }
    await call.event('post_schedule');
    await call.hook('postSchedule');
    return { success, done: call.service.isScheduleFinished() };
  } catch (error) {
    call.countFailure('schedule', true);
    const trace = traceOf(error);
    call.data.outputs.ex_data = trace;
    await call.exceptionEvent('node_schedule_exception', trace);
    await call.hook('nodeScheduleException');
    return { success: false, done: false };
  }
}

/** Delay after the n-th poll is `f(n)`: the generator's count is set to `times - 1` first (spec 03 §4.3). */
function pollDelay(call: ServiceCall, times: number): number {
  const interval = call.definition.createInterval();
  if (!interval) return 0;
  interval.count = times - 1;
  return interval.next();
}
