import { FakeClock, TreeKit, conformanceCatalog, outputsOf, plain, stateNames } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableHarness, startDurableNode } from '../engine-runtime/conformance/durable-harness.conformance';
import { TaskDispatcher } from '../engine-runtime/task-dispatcher';
import { WorkTracker } from '../engine-runtime/conformance/tracked-task-queue.conformance';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import type { AddJobOptions, JobData } from '../queue/task-queue';
import { ALWAYS_LEADER } from './leader-lock';
import { ZombieHealer } from './zombie-healer';

/** Loses the first job of each kind: the messages a crashed worker or a lost enqueue never ran. */
class LosingTaskQueue extends InProcessTaskQueue {
  readonly lost: string[] = [];

  constructor(private readonly onLost: () => void) {
    super();
  }

  override add(queueName: string, data: JobData, options?: AddJobOptions): Promise<string> {
    const kind = queueName.includes('schedule') ? 'schedule' : 'execute';
    if (!this.lost.includes(kind)) {
      this.lost.push(kind);
      this.onLost();
      return Promise.resolve('lost');
    }
    return super.add(queueName, data, options);
  }
}

const directory = mkdtempSync(join(tmpdir(), 'bamboo-healer-'));
let dataSource: BambooDataSource;

beforeAll(async () => {
  dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
  }).initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

it('re-dispatches a lost execute and a lost poll after the stuck time; the run finishes, polls counted once', async () => {
  const tracker = new WorkTracker(new FakeClock());
  const queue = new LosingTaskQueue(() => tracker.inFlight--);
  const node = await startDurableNode({ dataSource, queue, tracker, catalog: conformanceCatalog() });
  const h = new DurableHarness([node], tracker);
  const healer = new ZombieHealer({
    dataSource,
    dispatcher: new TaskDispatcher(node.queue, tracker.clock, node.runtime.nodeLogger()),
    operator: node.engine,
    leader: ALWAYS_LEADER,
    maxStuckSeconds: 5,
    scheduleLockTtlSeconds: 600,
    cure: 'fail',
    intervalMs: 1000,
    nowMs: () => tracker.clock.nowMs(),
  });
  const k = new TreeKit()
    .start()
    .act('p', 'poll', { times: plain(2) })
    .end()
    .chain('start', 'p', 'end');
  const tree = k.build();
  await h.engine.runPipeline(tree);
  await h.runUntilIdle();
  expect(queue.lost).toEqual(['execute']);
  // Seen once is not enough: a queued job gets the stuck time to run.
  expect(await healer.sweep()).toEqual([]);
  const doctors: string[] = [];
  for (let pass = 0; pass < 10 && (await stateNames(h, tree.id))[tree.id] !== 'FINISHED'; pass++) {
    await h.advance(6);
    doctors.push(...(await healer.sweep()).map((action) => action.doctor));
    await h.runUntilIdle();
  }
  expect(queue.lost).toEqual(['execute', 'schedule']);
  expect(doctors).toEqual(['lost_execute', 'lost_poll']);
  expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
  expect(await outputsOf(h, k.id('p'))).toMatchObject({ polls: 2 });
  expect(await healer.sweep()).toEqual([]);
  await h.close();
});
