import type { EngineRuntime } from '../../runtime/engine-runtime.port';
import type { ScheduleTask } from '../../runtime/engine-task';
import type { StepCommit } from '../../runtime/step-commit';
import { CallbackCommitBatch, type CallbackWrite } from './callback-commit-batch';

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

describe('CallbackCommitBatch', () => {
  it('commits a lone callback at once, and those arriving meanwhile together in one commit', async () => {
    const { runtime, commits, releaseAll } = heldRuntime();
    const batch = new CallbackCommitBatch(runtime);
    const first = batch.commit(write('a'));
    expect(commits.map(ids)).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((id) => batch.commit(write(id)));
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
    const batch = new CallbackCommitBatch(runtime);
    const first = batch.commit(write('a'));
    const group = Promise.allSettled(['b', 'bad', 'c'].map((id) => batch.commit(write(id))));
    await releaseAll();
    await first;
    const outcomes = await group;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('duplicate key'));
    expect(commits.map(ids)).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('starts again after a failed lone commit', async () => {
    const { runtime, releaseAll } = heldRuntime((commit) => ids(commit).includes('bad'));
    const batch = new CallbackCommitBatch(runtime);
    const bad = expect(batch.commit(write('bad'))).rejects.toThrow('duplicate key');
    await releaseAll();
    await bad;
    const good = batch.commit(write('good'));
    await releaseAll();
    await expect(good).resolves.toBeUndefined();
  });
});
