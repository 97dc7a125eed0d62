import { DataObject, ScheduleType } from '../component';
import { loadHydratedContext } from '../data/context-loader';
import { referencesOfInputs, renderInputs } from '../data/input-resolver';
import { stopwatch } from '../process/observation';
import type { ServiceActivityDefinition } from '../runtime/node-definition';
import type { ScheduleTypeCode } from '../runtime/runtime-records';
import type { ActivityContext } from './activity-completion';
import { completeActivity, serializeOutputs } from './activity-completion';
import { loopContextValues } from './loop-context-values';
import { errorText, failNode, traceOf } from './node-failure';
import type { ExecuteOutcome, NodeHandler, NodeStep } from './node-handler';
import { topPipelineOf } from './node-handler';
import { isSuccess, missingComponentText, ServiceCall } from './service-call';

/** Service activity, execute phase (spec 03 §4.2). */
export class ServiceActivityHandler implements NodeHandler<ServiceActivityDefinition> {
  readonly runsUserCode = true;

  async execute(step: NodeStep<ServiceActivityDefinition>): Promise<ExecuteOutcome> {
    const { node, attempt, services } = step;
    const preparing = stopwatch(services);
    const offset = services.settings.rerunIndexOffset;
    const counters = { _loop: attempt.loop + offset, _inner_loop: attempt.innerLoop + offset };
    const rawInputs = step.nodeData?.inputs ?? {};
    let inputs: Record<string, unknown>;
    try {
      const hydrated = await loadHydratedContext(services, {
        pipelineId: topPipelineOf(step),
        keys: referencesOfInputs(rawInputs),
        extras: loopContextValues(node.outputMapping, counters),
        pipelineData: step.run.rootPipelineData,
        innerLoop: attempt.innerLoop,
      });
      inputs = { ...renderInputs(rawInputs, hydrated), ...counters };
    } catch (error) {
      return this.hydrationFailed(step, error, counters);
    }
    const call = await ServiceCall.open({
      node,
      services,
      rootPipelineData: step.run.rootPipelineData,
      data: new DataObject(inputs, {}),
      attrs: { topPipelineId: topPipelineOf(step), rootPipelineId: step.run.rootPipelineId, ...attempt },
    });
    if (!call) return failNode(step, missingComponentText(node), inputs);
    call.observe('engine_node_execute_pre_process_duration', preparing());
    const ran = await this.runService(call);
    const completing = stopwatch(services);
    const outcome = await this.complete(step, call, inputs, ran, counters);
    call.observe('engine_node_execute_post_process_duration', completing());
    return outcome;
  }

  private async complete(
    step: NodeStep<ServiceActivityDefinition>,
    call: ServiceCall,
    inputs: Record<string, unknown>,
    ran: boolean,
    counters: { _loop: number; _inner_loop: number },
  ): Promise<ExecuteOutcome> {
    const { node, attempt, services } = step;
    const serialized = serializeOutputs({ ...call.data.outputs, _result: ran, ...counters });
    call.data.outputs = serialized.outputs;
    const success = ran && serialized.ok;
    const ctx: ActivityContext = {
      node,
      services,
      effects: step.effects,
      topPipelineId: topPipelineOf(step),
      innerLoop: attempt.innerLoop,
    };
    if (success && call.definition.needSchedule) {
      step.effects.add({ executionData: [{ nodeId: node.id, data: { inputs, outputs: call.data.outputs } }] });
      return { kind: 'schedule', scheduleType: scheduleTypeOf(call) };
    }
    return completeActivity(ctx, call, success, { inputs, outputs: call.data.outputs }, 'execute');
  }

  private async runService(call: ServiceCall): Promise<boolean> {
    await call.event('node_enter');
    await call.hook('nodeEnter');
    await call.event('pre_execute');
    try {
      await call.hook('preExecute');
      await call.beforeExecute();
      const success = isSuccess(await call.service.execute(call.data, call.parentData));
      if (success) {
        await call.event('post_execute');
        await call.hook('postExecute');
      } else call.countFailure('execute', false);
      return success;
    } catch (error) {
      call.countFailure('execute', true);
      const trace = traceOf(error);
      call.data.outputs.ex_data = trace;
      await call.exceptionEvent('node_execute_exception', trace);
      await call.hook('nodeExecuteException');
      return false;
    }
  }

  private hydrationFailed(
    step: NodeStep<ServiceActivityDefinition>,
    error: unknown,
    counters: { _loop: number; _inner_loop: number },
  ): ExecuteOutcome {
    const inputs: Record<string, unknown> = {};
    for (const [key, input] of Object.entries(step.nodeData?.inputs ?? {})) inputs[key] = input.value;
    const exData = `inputs hydrate failed(${errorText(error)}), check node log for details`;
    step.effects.add({
      executionData: [
        { nodeId: step.node.id, data: { inputs, outputs: { ex_data: exData, _result: false, ...counters } } },
      ],
    });
    step.effects.setState(step.node.id, 'FAILED', { setArchived: true });
    return { kind: 'failed' };
  }
}

function scheduleTypeOf(call: ServiceCall): ScheduleTypeCode {
  if (call.definition.createInterval()) return ScheduleType.POLL;
  return call.definition.multiCallbackEnabled ? ScheduleType.MULTIPLE_CALLBACK : ScheduleType.CALLBACK;
}
