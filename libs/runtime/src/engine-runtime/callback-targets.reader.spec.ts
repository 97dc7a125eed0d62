import type { ScheduleRecord } from '@bamboo/engine';
import { FakeClock } from '@bamboo/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBambooDataSource, type BambooDataSource } from '../persistence';
import { InProcessTaskQueue } from '../queue/in-process-task-queue';
import { processRecord, stateRecord } from './conformance/records.conformance';
import { TypeormEngineRuntime } from './typeorm-engine-runtime';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-callback-targets-'));
const clock = new FakeClock();
let dataSource: BambooDataSource;
let runtime: TypeormEngineRuntime;

beforeAll(async () => {
  dataSource = await createBambooDataSource({
    database: { kind: 'sqlite', path: join(directory, 'bamboo.sqlite') },
  }).initialize();
  runtime = new TypeormEngineRuntime({ dataSource, queue: new InProcessTaskQueue(), clock });
  await runtime.start();
});

afterAll(async () => {
  await dataSource?.destroy();
  rmSync(directory, { recursive: true, force: true });
});

const schedule = (nodeId: string, version: string, processId: string): ScheduleRecord => ({
  id: runtime.ids.id(),
  type: 2,
  processId,
  nodeId,
  version,
  finished: false,
  expired: false,
  scheduling: false,
  times: 0,
});

describe('TypeormEngineRuntime.loadCallbackTargets', () => {
  it('answers every query as loadCallbackTarget does, in the order asked', async () => {
    const waitingA = processRecord(runtime.ids.id(), { currentNodeId: 'cb-a' });
    const waitingB = processRecord(runtime.ids.id(), { currentNodeId: 'cb-b' });
    const twiceC = [1, 2].map(() => processRecord(runtime.ids.id(), { currentNodeId: 'cb-c' }));
    const awake = processRecord(runtime.ids.id(), { currentNodeId: 'cb-d', asleep: false });
    await runtime.commit({
      newProcesses: [waitingA, waitingB, ...twiceC, awake],
      states: ['cb-a', 'cb-b', 'cb-c', 'cb-d'].map((nodeId) => ({
        record: stateRecord(nodeId, 'RUNNING', `v-${nodeId}`, clock.now()),
        expect: null,
      })),
      newSchedules: [
        schedule('cb-a', 'v-cb-a', waitingA.id),
        schedule('cb-a', 'v-old', waitingA.id),
        schedule('cb-b', 'v-cb-b', waitingB.id),
        schedule('cb-c', 'v-cb-c', twiceC[0]!.id),
      ],
    });
    const queries = [
      { nodeId: 'cb-b', version: 'v-cb-b' },
      { nodeId: 'cb-a', version: 'v-old' },
      { nodeId: 'cb-a', version: 'v-cb-a' },
      { nodeId: 'cb-c', version: 'v-cb-c' },
      { nodeId: 'cb-d', version: 'v-cb-d' },
      { nodeId: 'cb-a', version: 'v-none' },
      { nodeId: 'cb-missing', version: 'v1' },
    ];
    const one = await Promise.all(queries.map(({ nodeId, version }) => runtime.loadCallbackTarget(nodeId, version)));
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const normalise = (snapshots: typeof one) =>
      snapshots.map((snapshot) => ({ ...snapshot, sleepingProcesses: byId(snapshot.sleepingProcesses) }));
    expect(normalise(await runtime.loadCallbackTargets(queries))).toEqual(normalise(one));
    expect(one[0]!.sleepingProcesses.map((p) => p.id)).toEqual([waitingB.id]);
    expect(one[3]!.sleepingProcesses).toHaveLength(2);
    expect(one[6]).toEqual({ sleepingProcesses: [], state: undefined, schedule: undefined });
  });
});
