import {
  type Clock,
  type ComponentDefinition,
  type ComponentService,
  DataObject,
  type DataRecord,
  isSuccess,
  type Logger,
  OutputsNotSerializableError,
  type RuntimeAttrs,
  toJsonOutputs,
  traceOf,
} from '@bamboo/engine';
import type { PluginExecuteTaskEntity } from '../persistence/entities';
import type { PluginMap } from './plugin-task.store';

/** What one execute or schedule call of the component left behind. */
export interface PluginCallResult {
  success: boolean;
  /** JSON-safe outputs to store; `ex_data` holds the trace when the component threw. */
  outputs: PluginMap;
  scheduleFinished: boolean;
}

// Callers pass runtime attributes in the engine API's snake_case; the service reads camelCase.
const SNAKE_TO_CAMEL: Record<string, keyof RuntimeAttrs> = {
  top_pipeline_id: 'topPipelineId',
  root_pipeline_id: 'rootPipelineId',
  inner_loop: 'innerLoop',
};

/**
 * The runtime attributes of 07 §6.2: the task's `runtime_attrs` over neutral defaults (there is no
 * pipeline, node or loop), then the logger and clock, which callers cannot replace.
 */
function runtimeAttrsOf(task: PluginExecuteTaskEntity, logger: Logger, clock: Clock): RuntimeAttrs {
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(task.runtimeAttrs)) given[SNAKE_TO_CAMEL[key] ?? key] = value;
  const meta = { plugin_task_id: task.id, component_code: task.componentCode };
  return {
    id: String(task.id),
    version: '',
    topPipelineId: '',
    rootPipelineId: '',
    loop: 1,
    innerLoop: 1,
    ...given,
    logger: {
      debug: (message) => logger.debug(message, meta),
      info: (message) => logger.info(message, meta),
      warn: (message) => logger.warn(message, meta),
      error: (message) => logger.error(message, meta),
    },
    clock: { now: () => clock.now().getTime() },
  };
}

/** A fresh instance for one call, named `runtime_attrs.name` and set up with its runtime attributes. */
export async function openPluginService(
  definition: ComponentDefinition,
  task: PluginExecuteTaskEntity,
  logger: Logger,
  clock: Clock,
): Promise<ComponentService> {
  const name = typeof task.runtimeAttrs.name === 'string' ? task.runtimeAttrs.name : null;
  const service = await definition.createService(name);
  service.setupRuntimeAttrs(runtimeAttrsOf(task, logger, clock));
  return service;
}

/**
 * Runs one component method. `undefined`/`null` count as success, a throw stores its trace as
 * `ex_data` (07 §6.2), and outputs JSON cannot carry fail the call instead of the database write.
 */
export async function callPluginService(
  service: ComponentService,
  data: DataObject,
  invoke: () => unknown,
): Promise<PluginCallResult> {
  let success: boolean;
  try {
    success = isSuccess(await invoke());
  } catch (error) {
    data.outputs.ex_data = traceOf(error);
    success = false;
  }
  let outputs: DataRecord;
  try {
    outputs = toJsonOutputs(data.outputs);
  } catch (error) {
    if (!(error instanceof OutputsNotSerializableError)) throw error;
    return { success: false, outputs: { ex_data: error.message }, scheduleFinished: false };
  }
  return { success, outputs, scheduleFinished: service.isScheduleFinished() };
}

/** `data` and `parent_data` of a call: the task's inputs (and saved outputs) and its contexts. */
export function pluginDataOf(task: PluginExecuteTaskEntity, withOutputs: boolean): [DataObject, DataObject] {
  return [
    new DataObject({ ...task.inputs }, withOutputs ? { ...task.outputs } : {}),
    new DataObject({ ...task.contexts }),
  ];
}
