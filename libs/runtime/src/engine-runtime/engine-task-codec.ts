import type { EngineTask, ExecuteTask, RollbackTask, ScheduleTask, TimeoutTask } from '@bamboo/engine';
import type { JobData, JsonValue } from '../queue/task-queue';

/**
 * Engine tasks as queue job data, in the message shapes of spec 09 §4.2 (snake_case ids, a
 * `recover_point` string, `headers.route_info`), plus what the engine's duplicate guards need
 * (`token`, `expected_times`). Ids travel as decimal strings: JSON numbers would be safe too, but
 * strings keep the engine's id type end to end.
 */
interface Headers {
  [key: string]: JsonValue;
  route_info: { queue: string; priority: number };
  /** Enqueue time in seconds, advanced by the delay (claim-delay metric). */
  timestamp: number;
}

export function encodeTask(task: EngineTask, nowMs: number, delaySeconds: number): JobData {
  const headers: Headers = {
    route_info: { queue: task.queue, priority: task.priority },
    timestamp: nowMs / 1000 + delaySeconds,
  };
  switch (task.kind) {
    case 'execute':
      return {
        kind: 'execute',
        process_id: task.processId,
        node_id: task.nodeId,
        root_pipeline_id: task.rootPipelineId,
        parent_pipeline_id: task.parentPipelineId,
        token: task.token,
        recover_point: '{}',
        headers,
      };
    case 'schedule':
      return {
        kind: 'schedule',
        process_id: task.processId,
        node_id: task.nodeId,
        schedule_id: task.scheduleId,
        callback_data_id: task.callbackDataId,
        expected_times: task.expectedTimes,
        recover_point: '{}',
        headers,
      };
    case 'timeout':
      return {
        kind: 'timeout',
        node_id: task.nodeId,
        version: task.version,
        root_pipeline_id: task.rootPipelineId,
        headers,
      };
    case 'rollback':
      return {
        kind: 'rollback',
        node_id: task.nodeId,
        root_pipeline_id: task.rootPipelineId,
        retry: task.retry,
        retry_data: toJson(task.retryData),
        headers,
      };
  }
}

/** Retry data is caller JSON; anything else (undefined) travels as null. */
function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/** The task a job carries; throws on data that no runtime of this project wrote. */
export function decodeTask(data: JobData): EngineTask {
  const route = readRoute(data);
  const kind = typeof data.kind === 'string' ? data.kind : '';
  switch (kind) {
    case 'execute':
      return {
        kind: 'execute',
        ...route,
        processId: str(data, 'process_id'),
        nodeId: str(data, 'node_id'),
        rootPipelineId: str(data, 'root_pipeline_id'),
        parentPipelineId: str(data, 'parent_pipeline_id'),
        token: str(data, 'token'),
      } satisfies ExecuteTask;
    case 'schedule':
      return {
        kind: 'schedule',
        ...route,
        processId: str(data, 'process_id'),
        nodeId: str(data, 'node_id'),
        scheduleId: str(data, 'schedule_id'),
        callbackDataId: data.callback_data_id === null ? null : str(data, 'callback_data_id'),
        expectedTimes: typeof data.expected_times === 'number' ? data.expected_times : null,
      } satisfies ScheduleTask;
    case 'timeout':
      return {
        kind: 'timeout',
        ...route,
        nodeId: str(data, 'node_id'),
        version: str(data, 'version'),
        rootPipelineId: str(data, 'root_pipeline_id'),
      } satisfies TimeoutTask;
    case 'rollback':
      return {
        kind: 'rollback',
        ...route,
        nodeId: str(data, 'node_id'),
        rootPipelineId: str(data, 'root_pipeline_id'),
        retry: data.retry === true,
        retryData: data.retry_data ?? null,
      } satisfies RollbackTask;
    default:
      throw new Error(`not an engine task: kind ${JSON.stringify(data.kind)}`);
  }
}

function str(data: JobData, key: string): string {
  const value = data[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`engine task field ${key} is missing`);
}

function readRoute(data: JobData): { queue: string; priority: number } {
  const headers = data.headers as Partial<Headers> | undefined;
  const route = headers?.route_info;
  return { queue: route?.queue ?? '', priority: route?.priority ?? 100 };
}
