import type { ScheduleTask } from '../../runtime/engine-task';
import { InvalidOperationError, NotFoundError } from '../../runtime/runtime.errors';
import { callbackBatchesOf } from './callback-batches';
import type { CommandContext } from './command-context';
import { commitWithHooks } from './commit-with-hooks';

/**
 * `callback(node_id, version, data)` (spec 06 A.14): stores the payload bound to the attempt and
 * dispatches a schedule task carrying it, in one commit. The schedule task consumes the payload
 * once, so a redelivered task does not run `schedule` again. Callbacks arriving together share
 * its read and its commit (callback-batches.ts); each still resolves only once its own payload is stored.
 */
export async function callback(
  ctx: CommandContext,
  nodeId: string,
  version: string,
  data: Record<string, unknown>,
): Promise<{ callbackDataId: string }> {
  const { runtime, ids } = ctx.services;
  const batches = callbackBatchesOf(runtime);
  const target = await batches.read.call({ nodeId, version });
  const process = target.sleepingProcesses[0];
  if (!process) {
    // An unknown node is a different failure from a node that is not waiting (00-README: 404 vs 409).
    if (!target.state) throw new NotFoundError(`node(${nodeId}) has no state`);
    throw new InvalidOperationError(`can not find sleep process with current node id: ${nodeId}`);
  }
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
  const task: ScheduleTask = {
    kind: 'schedule',
    queue: process.queue,
    priority: process.priority,
    processId: process.id,
    nodeId,
    scheduleId: schedule.id,
    callbackDataId,
    expectedTimes: null,
  };
  const write = { callbackData: { id: callbackDataId, nodeId, version, data }, dispatch: { task, delaySeconds: 0 } };
  // Nothing of a callback is conditional, so its commit cannot lose a race; no signals to publish.
  const effects = { flush: () => batches.commit.call(write).then(() => ({ parentWoken: false })) };
  const run = await ctx.runs.get(process.rootPipelineId);
  await commitWithHooks(ctx, effects, {
    pre: { event_type: 'pre_callback', data: { node_id: nodeId, version, data } },
    post: () => ({ event_type: 'post_callback', data: { node_id: nodeId, version, data } }),
    componentHooks: ['preCallback', 'postCallback'],
    node: run.nodes[nodeId],
    callback: { id: callbackDataId, node_id: nodeId, version, data },
  });
  return { callbackDataId };
}
