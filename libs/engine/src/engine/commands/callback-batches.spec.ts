import type { EngineRuntime } from '../../runtime/engine-runtime.port';
import type { ScheduleTask } from '../../runtime/engine-task';
import type { StepCommit } from '../../runtime/step-commit';
import { callbackBatchesOf, type CallbackWrite } from './callback-batches';

function write(id: string): CallbackWrite {
  const task: ScheduleTask = {
    kind: 'schedule',
    queue: '',
    priority: 100,
    processId: `p-${id}`,
    nodeId: `n-${id}`,
    scheduleId: `s-${id}`,
    callbackDataId: id,
    expectedTimes: null,
  };
  return { callbackData: { id, nodeId: `n-${id}`, version: 'v1', data: { id } }, dispatch: { task, delaySeconds: 0 } };
}

/** A runtime whose commits wait until released, recording what each one carried. */
function heldRuntime(fails: (commit: StepCommit) => boolean = () => false) {
  const commits: StepCommit[] = [];
  const releases: Array<() => void> = [];
  const runtime = {
    commit: (commit: StepCommit) => {
      commits.push(commit);
      return new Promise((resolve, reject) => {
        releases.push(() => (fails(commit) ? reject(new Error('duplicate key')) : resolve({ parentWoken: false })));
      });
    },
  } as unknown as EngineRuntime;
  const releaseAll = async (): Promise<void> => {
    while (releases.length > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { runtime, commits, releaseAll };
}

const ids = (commit: StepCommit) => (commit.callbackData ?? []).map((record) => record.id);

describe('callback batches: commits', () => {
  it('commits a lone callback at once, and those arriving meanwhile together in one commit', async () => {
    const { runtime, commits, releaseAll } = heldRuntime();
    const batch = callbackBatchesOf(runtime).commit;
    const first = batch.call(write('a'));
    expect(commits.map(ids)).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((id) => batch.call(write(id)));
    expect(commits).toHaveLength(1);
    await releaseAll();
    await expect(Promise.all([first, ...later])).resolves.toBeDefined();
    expect(commits.map(ids)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(commits[1]!.dispatch!.map((d) => d.task.kind === 'schedule' && d.task.callbackDataId)).toEqual([
      'b',
      'c',
      'd',
    ]);
  });

  it('falls back to one commit per callback when a grouped commit fails: only the bad one fails', async () => {
    const { runtime, commits, releaseAll } = heldRuntime((commit) => ids(commit).includes('bad'));
    const batch = callbackBatchesOf(runtime).commit;
    const first = batch.call(write('a'));
    const group = Promise.allSettled(['b', 'bad', 'c'].map((id) => batch.call(write(id))));
    await releaseAll();
    await first;
    const outcomes = await group;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('duplicate key'));
    expect(commits.map(ids)).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('starts again after a failed lone commit', async () => {
    const { runtime, releaseAll } = heldRuntime((commit) => ids(commit).includes('bad'));
    const batch = callbackBatchesOf(runtime).commit;
    const bad = expect(batch.call(write('bad'))).rejects.toThrow('duplicate key');
    await releaseAll();
    await bad;
    const good = batch.call(write('good'));
    await releaseAll();
    await expect(good).resolves.toBeUndefined();
  });
});

describe('callback batches: reads', () => {
  const snapshot = (nodeId: string) => ({ sleepingProcesses: [], state: undefined, schedule: undefined, nodeId });

  it('reads the targets of callbacks arriving together with one loadCallbackTargets', async () => {
    const releases: Array<() => void> = [];
    const runtime = {
      loadCallbackTarget: jest.fn(
        (nodeId: string) => new Promise((resolve) => releases.push(() => resolve(snapshot(nodeId)))),
      ),
      loadCallbackTargets: jest.fn((queries: Array<{ nodeId: string }>) =>
        Promise.resolve(queries.map((q) => snapshot(q.nodeId))),
      ),
    } as unknown as EngineRuntime;
    const read = callbackBatchesOf(runtime).read;
    const first = read.call({ nodeId: 'a', version: 'v' });
    const later = ['b', 'c'].map((nodeId) => read.call({ nodeId, version: 'v' }));
    releases.splice(0).forEach((release) => release());
    expect((await Promise.all([first, ...later])).map((s) => (s as unknown as { nodeId: string }).nodeId)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(runtime.loadCallbackTarget).toHaveBeenCalledTimes(1);
    expect(runtime.loadCallbackTargets).toHaveBeenCalledWith([
      { nodeId: 'b', version: 'v' },
      { nodeId: 'c', version: 'v' },
    ]);
  });

  it('reads one by one on a runtime without loadCallbackTargets', async () => {
    const runtime = {
      loadCallbackTarget: jest.fn((nodeId: string) => Promise.resolve(snapshot(nodeId))),
    } as unknown as EngineRuntime;
    const read = callbackBatchesOf(runtime).read;
    await Promise.all(['a', 'b', 'c'].map((nodeId) => read.call({ nodeId, version: 'v' })));
    expect(runtime.loadCallbackTarget).toHaveBeenCalledTimes(3);
  });
});
