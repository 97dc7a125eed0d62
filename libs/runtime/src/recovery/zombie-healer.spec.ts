import type { ComponentCatalog, Logger } from '@bamboo/engine';
import { FakeClock, TreeKit, conformanceCatalog, outputsOf, plain, serviceCalls, stateNames } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DurableHarness,
  type DurableNode,
  startDurableNode,
} from '../engine-runtime/conformance/durable-harness.conformance';
import { TaskDispatcher } from '../engine-runtime/task-dispatcher';
import { WorkTracker } from '../engine-runtime/conformance/tracked-task-queue.conformance';
import { createBambooDataSource, ProcessEntity, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import type { AddJobOptions, JobData } from '../queue/task-queue';
import { ALWAYS_LEADER } from './leader-lock';
import { type HealAction, ZombieHealer, type ZombieHealerOptions } from './zombie-healer';
import { healIntervalSeconds } from './zombie-healer.service';

type ZombieHealCron = Parameters<typeof healIntervalSeconds>[0]['zombie'];

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

/** The healer of one durable node on the harness's fake clock (stuck after 5 s, cure `fail`). */
function healerOf(node: DurableNode, tracker: WorkTracker, extra: Partial<ZombieHealerOptions> = {}): ZombieHealer {
  return new ZombieHealer({
    dataSource,
    dispatcher: new TaskDispatcher(node.queue, tracker.clock, node.runtime.nodeLogger()),
    operator: node.engine,
    leader: ALWAYS_LEADER,
    maxStuckSeconds: 5,
    scheduleLockTtlSeconds: 600,
    cure: 'fail',
    intervalMs: 1000,
    nowMs: () => tracker.clock.nowMs(),
    ...extra,
  });
}

/** start → p (polls twice) → end, run until no job is in flight. */
async function runTwoPolls(h: DurableHarness) {
  const k = new TreeKit()
    .start()
    .act('p', 'poll', { times: plain(2) })
    .end()
    .chain('start', 'p', 'end');
  const tree = k.build();
  await h.engine.runPipeline(tree);
  await h.runUntilIdle();
  return { k, tree };
}

it('re-dispatches a lost execute and a lost poll after the stuck time; the run finishes, polls counted once', async () => {
  const tracker = new WorkTracker(new FakeClock());
  const queue = new LosingTaskQueue(() => tracker.inFlight--);
  const node = await startDurableNode({ dataSource, queue, tracker, catalog: conformanceCatalog() });
  const h = new DurableHarness([node], tracker);
  const healer = healerOf(node, tracker);
  const { k, tree } = await runTwoPolls(h);
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

it('finds a poll whose worker died with it on a local timer (lost_poll); the run finishes, polls counted once', async () => {
  const tracker = new WorkTracker(new FakeClock());
  const base = conformanceCatalog();
  // The poll's next call waits an hour on its worker's local timer: during this test that worker
  // never runs it, as if it had been killed. Nothing about it is in the queue.
  const catalog: ComponentCatalog = {
    ...base,
    findComponent: (code, version) => {
      const found = base.findComponent(code, version);
      return found && code === 'poll' ? { ...found, createInterval: () => ({ count: 0, next: () => 3600 }) } : found;
    },
  };
  const node = await startDurableNode({
    dataSource,
    queue: new InProcessTaskQueue(),
    tracker,
    catalog,
    localPollMaxDelaySeconds: 3600,
  });
  const h = new DurableHarness([node], tracker);
  const healer = healerOf(node, tracker);
  const enqueued: string[] = [];
  const add = node.queue.add.bind(node.queue);
  jest.spyOn(node.queue, 'add').mockImplementation((name, data, options) => {
    enqueued.push(`${name}:${JSON.stringify(data.kind)}`);
    return add(name, data, options);
  });
  const { k, tree } = await runTwoPolls(h);
  expect(await outputsOf(h, k.id('p'))).toMatchObject({ polls: 1 });
  expect(enqueued).toEqual(['er_execute:"execute"']);
  expect(await healer.sweep()).toEqual([]);
  await h.advance(6);
  expect((await healer.sweep()).map((action) => action.doctor)).toEqual(['lost_poll']);
  expect(enqueued).toEqual(['er_execute:"execute"', 'er_schedule:"schedule"']);
  await h.runUntilIdle();
  expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
  expect(await outputsOf(h, k.id('p'))).toMatchObject({ polls: 2 });
  expect(await healer.sweep()).toEqual([]);
  await h.close();
});

/**
 * start → sub [start → s_act → end] → eg (exclusive) → a → cg (converge) → end, on SQLite, where
 * the driver "dies" (its read of the next step throws) right before entering `victim`: the process
 * stays awake, without a token, at the node of the last committed step.
 */
async function dieBefore(victim: (k: TreeKit, body: TreeKit) => string) {
  const tracker = new WorkTracker(new FakeClock());
  const node = await startDurableNode({
    dataSource,
    queue: new InProcessTaskQueue(),
    tracker,
    catalog: conformanceCatalog(),
    // Every step commits on its own, so that a process can be orphaned right after a gateway
    // (with deferred trivial commits it is found at the node before the gateway instead).
    deferTrivialCommits: false,
  });
  const h = new DurableHarness([node], tracker);
  const warnings: Array<Record<string, unknown>> = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (_, meta) => void warnings.push(meta ?? {}),
  };
  const recorded: HealAction[] = [];
  const healer = healerOf(node, tracker, {
    logger,
    recorder: { record: (action) => Promise.resolve(void recorded.push(action)) },
  });
  const body = new TreeKit().start().act('s_act', 'echo').end().chain('start', 's_act', 'end');
  const k = new TreeKit()
    .start()
    .sub('sub', body)
    .gateway('eg', 'ExclusiveGateway')
    .act('a', 'echo')
    .act('b', 'echo')
    .gateway('cg', 'ConvergeGateway')
    .end()
    .chain('start', 'sub', 'eg')
    .flow('eg', 'a', { condition: '${n} > 1' })
    .flow('eg', 'b', { isDefault: true })
    .chain('a', 'cg', 'end')
    .chain('b', 'cg')
    .vars({ '${n}': plain(2) });
  const tree = k.build();
  const victimId = victim(k, body);
  const load = node.runtime.loadExecuteStep.bind(node.runtime);
  let died = false;
  jest.spyOn(node.runtime, 'loadExecuteStep').mockImplementation((processId, nodeId) => {
    if (nodeId !== victimId || died) return load(processId, nodeId);
    died = true;
    return Promise.reject(new Error('worker SIGKILLed'));
  });
  const echoes = serviceCalls['echo'] ?? 0;
  await h.engine.runPipeline(tree);
  await expect(h.runUntilIdle()).rejects.toThrow('worker SIGKILLed');
  expect((await stateNames(h, tree.id))[tree.id]).toBe('RUNNING');
  return { h, k, tree, healer, warnings, recorded, echoesSince: () => (serviceCalls['echo'] ?? 0) - echoes };
}

describe('awake orphans: the driver died between two steps of one execute task', () => {
  it.each([
    {
      dead: 'right after entering the SubProcess (RUNNING, stack pushed, nothing inside started)',
      victim: (_: TreeKit, body: TreeKit) => body.id('start'),
      orphan: (k: TreeKit) => k.id('sub'),
      detail: 'subprocess start event re-entered',
    },
    {
      dead: 'after the nested end event (stack popped, SubProcess FINISHED)',
      victim: (k: TreeKit) => k.id('eg'),
      orphan: (_: TreeKit, body: TreeKit) => body.id('end'),
      detail: 'went on after the SubProcess',
    },
    {
      dead: 'after the exclusive gateway',
      victim: (k: TreeKit) => k.id('a'),
      orphan: (k: TreeKit) => k.id('eg'),
      detail: 'exclusive gateway evaluated again',
    },
    {
      dead: 'after a FINISHED activity (not executed again)',
      victim: (k: TreeKit) => k.id('cg'),
      orphan: (k: TreeKit) => k.id('a'),
      detail: 'went on after the ServiceActivity',
    },
    {
      dead: 'after the converge gateway',
      victim: (k: TreeKit) => k.id('end'),
      orphan: (k: TreeKit) => k.id('cg'),
      detail: 'went on after the ConvergeGateway',
    },
  ])('$dead: the healer goes on where the driver stopped and the run finishes', async ({ victim, orphan, detail }) => {
    let body!: TreeKit;
    const run = await dieBefore((k, b) => ((body = b), victim(k, b)));
    const { h, k, tree, healer } = run;
    // Not before the stuck time: the heartbeat is the entry of the orphan's node.
    expect(await healer.sweep()).toEqual([]);
    await h.advance(6);
    expect(await healer.sweep()).toEqual([
      expect.objectContaining({
        doctor: 'awake_orphan',
        action: 'redispatch',
        nodeId: orphan(k, body),
        detail,
        cured: true,
      }),
    ]);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect((await stateNames(h, tree.id))[k.id('b')]).toBeUndefined();
    // s_act and a, once each: no activity ran twice.
    expect(run.echoesSince()).toBe(2);
    expect(await healer.sweep()).toEqual([]);
    await h.close();
  });

  it('logs and records an orphan no cure covers once, yet reports it on every pass until it is gone', async () => {
    const { h, k, healer, warnings, recorded } = await dieBefore((kit) => kit.id('cg'));
    // Moved by hand to a node nothing entered: no cure applies, an operator must look.
    await dataSource.getRepository(ProcessEntity).update({ currentNodeId: k.id('a') }, { currentNodeId: k.id('b') });
    await h.advance(6);
    const passes: HealAction[][] = [];
    for (let pass = 0; pass < 3; pass++) passes.push(await healer.sweep());
    const expected = {
      action: 'needs_operator',
      nodeId: k.id('b'),
      detail: 'awake at a NONE ServiceActivity',
      cured: false,
    };
    expect(passes).toEqual([1, 2, 3].map(() => [expect.objectContaining(expected)]));
    expect(warnings).toEqual([expect.objectContaining(expected)]);
    expect(recorded).toEqual([expect.objectContaining(expected)]);
    expect(healer.needsOperator).toBe(1);
    expect(healer.healed.size).toBe(0);
    await dataSource.getRepository(ProcessEntity).update({ currentNodeId: k.id('b') }, { dead: true });
    expect(await healer.sweep()).toEqual([]);
    expect(healer.needsOperator).toBe(0);
    await h.close();
  });
});

it('reads the heal interval from ZOMBIE_HEAL_CRON: */N minutes, */N seconds (6 fields), else 60 s', () => {
  const interval = (healCron: string) => healIntervalSeconds({ zombie: { healCron } as ZombieHealCron });
  expect(interval('*/10 * * * *')).toBe(600);
  expect(interval('*/2 * * * * *')).toBe(2);
  expect(interval('0 3 * * *')).toBe(60);
  expect(
    healIntervalSeconds({ zombie: { healCron: '*/1 * * * * *' } as ZombieHealCron, zombieHealIntervalSeconds: 0 }),
  ).toBe(0);
});
