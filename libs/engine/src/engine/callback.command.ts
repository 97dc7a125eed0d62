import type { EngineServices } from '../process/engine-services';
import { InvalidOperationError, NotFoundError } from '../runtime/runtime.errors';

/**
 * `callback(node_id, version, data)` (spec 06 A.14): stores the payload bound to the attempt and
 * dispatches a schedule task carrying it, in one commit.
 */
export async function callback(
  services: EngineServices,
  nodeId: string,
  version: string,
  data: Record<string, unknown>,
): Promise<{ callbackDataId: string }> {
  const { runtime, ids } = services;
  const target = await runtime.loadCallbackTarget(nodeId, version);
  const process = target.sleepingProcesses[0];
  if (!process) throw new InvalidOperationError(`can not find sleep process with current node id: ${nodeId}`);
  if (target.sleepingProcesses.length > 1) {
    throw new InvalidOperationError(`multiple sleep process with current node id: ${nodeId}`);
  }
  const { schedule, state } = target;
  if (!schedule) throw new NotFoundError(`schedule of node(${nodeId}) with version ${version} does not exist`);
  if (state?.version !== version) {
    await runtime.commit({ schedules: [{ id: schedule.id, patch: { expired: true } }] });
    throw new InvalidOperationError(`node version ${version} not exist`);
  }
  if (schedule.finished) throw new InvalidOperationError('schedule is already finished');
  if (schedule.expired) throw new InvalidOperationError('schedule is already expired');
  const callbackDataId = ids.id();
  await runtime.commit({
    callbackData: [{ id: callbackDataId, nodeId, version, data }],
    dispatch: [
      {
        task: {
          kind: 'schedule',
          queue: process.queue,
          priority: process.priority,
          processId: process.id,
          nodeId,
          scheduleId: schedule.id,
          callbackDataId,
          expectedTimes: null,
        },
        delaySeconds: 0,
      },
    ],
  });
  return { callbackDataId };
}
