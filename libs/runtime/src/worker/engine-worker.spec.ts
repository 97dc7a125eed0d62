import { NOOP_LOGGER, type Dispatch, type EngineTask, type ExecuteTask, type ScheduleTask } from '@bamboo/engine';
import { encodeTask } from '../engine-runtime/engine-task-codec';
import { inlineFollowUps } from '../engine-runtime/inline-continuation';
import { TaskDispatcher } from '../engine-runtime/task-dispatcher';
import { SYSTEM_CLOCK } from '../engine-runtime/typeorm-engine-runtime';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import type { AddJobOptions, JobData } from '../queue/task-queue';
import { EngineWorker, type TaskHandler } from './engine-worker';

/** The in-process queue, recording what went through it. */
class RecordingQueue extends InProcessTaskQueue {
  readonly added: string[] = [];
  readonly delaysMs: number[] = [];

  override add(queueName: string, data: JobData, options?: AddJobOptions): Promise<string> {
    this.added.push(`${queueName}:${JSON.stringify(data.node_id)}`);
    this.delaysMs.push(options?.delayMs ?? 0);
    return super.add(queueName, data, options);
  }
}

function execute(nodeId: string, queue = ''): ExecuteTask {
  return {
    kind: 'execute',
    queue,
    priority: 100,
    processId: '1',
    nodeId,
    rootPipelineId: 'root',
    parentPipelineId: 'root',
    token: `t-${nodeId}`,
  };
}

function firstPoll(nodeId: string): ScheduleTask {
  return { ...execute(nodeId), kind: 'schedule', scheduleId: '9', callbackDataId: null, expectedTimes: 0 };
}

interface ScriptStep {
  dispatch?: Dispatch[];
  fail?: boolean;
  before?: () => void;
  /** Asked of the FollowUpPort before the commit, as the engine asks for a first poll. */
  runsInStep?: EngineTask;
}

/**
 * An engine whose steps dispatch what a script says, through the runtime's dispatcher, as the real
 * runtime does after each commit.
 */
class ScriptedEngine implements TaskHandler {
  readonly handled: string[] = [];
  readonly answers: Array<boolean | undefined> = [];
  private readonly dispatcher: TaskDispatcher;

  constructor(
    queue: RecordingQueue,
    private readonly script: Record<string, ScriptStep>,
  ) {
    this.dispatcher = new TaskDispatcher(queue, SYSTEM_CLOCK, NOOP_LOGGER);
  }

  async handle(task: EngineTask): Promise<void> {
    this.handled.push(task.nodeId);
    const step = this.script[task.nodeId] ?? {};
    step.before?.();
    this.answers.push(step.runsInStep ? inlineFollowUps.runsInStep(step.runsInStep) : undefined);
    await this.dispatcher.dispatch(step.dispatch ?? []);
    if (step.fail) throw new Error(`step ${task.nodeId} failed after its commit`);
  }
}

const now = (task: EngineTask): Dispatch => ({ task, delaySeconds: 0 });

/** The job every scenario starts from: the execute of node `a`, as the runtime encodes it. */
function addFirstJob(queue: RecordingQueue): Promise<string> {
  return queue.add('er_execute', encodeTask(execute('a'), 0, 0));
}

async function runFrom(
  script: ConstructorParameters<typeof ScriptedEngine>[1],
  options: { inlineFollowUps?: number; queueSuffixes?: string[]; localPollMaxDelaySeconds?: number } = {},
) {
  const queue = new RecordingQueue();
  const engine = new ScriptedEngine(queue, script);
  const worker = new EngineWorker({ engine, queue, concurrency: 1, ...options });
  await worker.start();
  await addFirstJob(queue);
  await waitFor(() => engine.handled.length >= Object.keys(script).length);
  await queue.close();
  return { handled: engine.handled, added: queue.added, answers: engine.answers };
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('EngineWorker follow-ups', () => {
  it('runs a step’s one immediate follow-up in the same job, without the queue', async () => {
    const { handled, added } = await runFrom({
      a: { dispatch: [now(execute('b'))] },
      b: {
        dispatch: [
          now({
            ...execute('c'),
            kind: 'schedule',
            scheduleId: '9',
            callbackDataId: null,
            expectedTimes: 1,
          }),
        ],
      },
      c: {},
    });
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(added).toEqual(['er_execute:"a"']);
  });

  it('sends forks, delayed work and other workers’ queues through the queue', async () => {
    const { handled, added } = await runFrom({
      a: { dispatch: [now(execute('b')), now(execute('c'))] },
      b: { dispatch: [{ task: execute('d'), delaySeconds: 0.01 }] },
      c: { dispatch: [now(execute('e', 'other'))] },
      d: {},
    });
    expect(handled).toEqual(['a', 'b', 'c', 'd']);
    expect(added).toEqual([
      'er_execute:"a"',
      'er_execute:"b"',
      'er_execute:"c"',
      'er_execute:"d"',
      'er_execute_other:"e"',
    ]);
  });

  it('hands the follow-up to the queue when the step throws after committing it', async () => {
    const { handled, added } = await runFrom({ a: { dispatch: [now(execute('b'))], fail: true }, b: {} });
    expect(handled).toEqual(['a', 'b']);
    expect(added).toEqual(['er_execute:"a"', 'er_execute:"b"']);
  });

  it('stops carrying on after the limit, and with inlineFollowUps 0 never carries on', async () => {
    const script = { a: { dispatch: [now(execute('b'))] }, b: { dispatch: [now(execute('c'))] }, c: {} };
    expect((await runFrom(script, { inlineFollowUps: 1 })).added).toEqual(['er_execute:"a"', 'er_execute:"c"']);
    expect((await runFrom(script, { inlineFollowUps: 0 })).added).toEqual([
      'er_execute:"a"',
      'er_execute:"b"',
      'er_execute:"c"',
    ]);
  });

  it('lets a step run a first poll of its own queue inside the step', async () => {
    const { handled, added, answers } = await runFrom({ a: { runsInStep: firstPoll('b') } });
    expect(answers).toEqual([true]);
    expect(handled).toEqual(['a']);
    expect(added).toEqual(['er_execute:"a"']);
  });

  it('refuses a first poll of another worker’s queue, and any with inlineFollowUps 0', async () => {
    const other = { ...firstPoll('b'), queue: 'other' };
    expect((await runFrom({ a: { runsInStep: other } })).answers).toEqual([false]);
    expect((await runFrom({ a: { runsInStep: firstPoll('b') } }, { inlineFollowUps: 0 })).answers).toEqual([false]);
  });

  it('sends follow-ups through the queue once the worker is stopping, and runs no first poll in a step', async () => {
    const queue = new RecordingQueue();
    let stopped: Promise<void> | undefined;
    const engine = new ScriptedEngine(queue, {
      a: {
        before: () => {
          stopped = worker.stop();
        },
        runsInStep: firstPoll('c'),
        dispatch: [now(execute('b'))],
      },
    });
    const worker = new EngineWorker({ engine, queue, concurrency: 1 });
    await worker.start();
    await addFirstJob(queue);
    await waitFor(() => stopped !== undefined);
    await stopped;
    await queue.close();
    expect(engine.handled).toEqual(['a']);
    expect(engine.answers).toEqual([false]);
    expect(queue.added).toEqual(['er_execute:"a"', 'er_execute:"b"']);
  });
});

/** The poll a schedule step dispatches after `delaySeconds` (not held: it takes the lock itself). */
function laterPoll(nodeId: string, delaySeconds: number, queue = ''): Dispatch {
  return { task: { ...firstPoll(nodeId), queue, expectedTimes: 1 }, delaySeconds };
}

describe('EngineWorker local poll timers', () => {
  it('keeps a delayed poll of its process on a local timer and runs it when due, without the queue', async () => {
    const { handled, added } = await runFrom(
      { a: { dispatch: [laterPoll('b', 0.01)] }, b: { dispatch: [laterPoll('c', 0.01)] }, c: {} },
      { localPollMaxDelaySeconds: 1 },
    );
    expect(handled).toEqual(['a', 'b', 'c']);
    expect(added).toEqual(['er_execute:"a"']);
  });

  it('sends longer delays, other workers’ queues and delayed executes through the queue; 0 turns it off', async () => {
    const poll = (delaySeconds: number, queue = '') => ({
      a: { dispatch: [laterPoll('b', delaySeconds, queue)] },
      b: {},
    });
    expect((await runFrom(poll(0.01), { localPollMaxDelaySeconds: 0 })).added).toEqual([
      'er_execute:"a"',
      'er_schedule:"b"',
    ]);
    expect((await runFrom(poll(0.01), { localPollMaxDelaySeconds: 0.005 })).added).toEqual([
      'er_execute:"a"',
      'er_schedule:"b"',
    ]);
    expect((await runFrom({ a: poll(0.01, 'other').a }, { localPollMaxDelaySeconds: 1 })).added).toEqual([
      'er_execute:"a"',
      'er_schedule_other:"b"',
    ]);
    const delayedExecute = { a: { dispatch: [{ task: execute('b'), delaySeconds: 0.01 }] }, b: {} };
    expect((await runFrom(delayedExecute, { localPollMaxDelaySeconds: 1 })).added).toEqual([
      'er_execute:"a"',
      'er_execute:"b"',
    ]);
  });

  it('a stopping worker hands its pending polls to the queue with the delay they have left', async () => {
    const queue = new RecordingQueue();
    const engine = new ScriptedEngine(queue, { a: { dispatch: [laterPoll('b', 30)] } });
    const worker = new EngineWorker({ engine, queue, concurrency: 1, localPollMaxDelaySeconds: 60 });
    await worker.start();
    await addFirstJob(queue);
    await waitFor(() => engine.handled.length === 1);
    expect(queue.added).toEqual(['er_execute:"a"']);
    await worker.stop();
    await queue.close();
    expect(engine.handled).toEqual(['a']);
    expect(queue.added).toEqual(['er_execute:"a"', 'er_schedule:"b"']);
    expect(queue.delaysMs[1]).toBeGreaterThan(0);
    expect(queue.delaysMs[1]).toBeLessThanOrEqual(30_000);
  });
});
