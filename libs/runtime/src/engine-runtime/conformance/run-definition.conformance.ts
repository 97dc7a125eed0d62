import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InvalidOperationError, type NodeDefinition, type PipelineTree, type RunPlan } from '@bamboo/engine';
import { FakeClock } from '@bamboo/testing';
import type { DataSource } from 'typeorm';
import { InProcessTaskQueue } from '../../queue/in-process-task-queue';
import { TypeormEngineRuntime } from '../typeorm-engine-runtime';
import { countingQueue, executeTask, processRecord, stateRecord } from './records.conformance';
import type { StatementCounter } from './statement-counter.conformance';

const clock = new FakeClock();

/** A run of pipeline `rootId` with three activities and a subprocess, `n1`…`n3` and `sub` under `prefix`. */
function runPlan(rootId: string, prefix: string, processId: string): RunPlan {
  const node = (id: string, type: string) => ({ id, type, incoming: ['é'] }) as unknown as NodeDefinition;
  const ids = [`${prefix}-n1`, `${prefix}-n2`, `${prefix}-n3`];
  return {
    tree: { id: rootId, name: 'batched' } as unknown as PipelineTree,
    name: 'batched',
    definition: {
      rootPipelineId: rootId,
      nodes: {
        ...Object.fromEntries(ids.map((id) => [id, node(id, 'ServiceActivity')])),
        [`${prefix}-sub`]: node(`${prefix}-sub`, 'SubProcess'),
      },
      rootPipelineData: { a: 1, b: { c: [null] } },
      pipelineOutputs: { [rootId]: ['${x}'], [`${prefix}-sub`]: ['${y}', '${z}'] },
    },
    rootState: { ...stateRecord(rootId, 'RUNNING', 'v1', clock.now()), rootId, parentId: '' },
    rootProcess: processRecord(processId, { rootPipelineId: rootId, pipelineStack: [rootId], currentNodeId: ids[0]! }),
    nodeData: ids.map((nodeId) => ({ nodeId, data: { inputs: { k: { needRender: false, value: nodeId } } } })),
    context: [
      {
        pipelineId: rootId,
        values: ['${x}', '${y}', '${z}'].map((key) => ({ key, type: 'PLAIN' as const, value: key, references: [] })),
      },
    ],
    dispatch: [{ task: { ...executeTask(processId, 't'), nodeId: ids[0]! }, delaySeconds: 0 }],
  };
}

/**
 * `prepareRun`, whichever way its statements travel (one by one on SQLite, one multi-statement
 * round trip on MySQL): the run stored whole or not at all, and ids in use refused with the same
 * errors.
 */
export function describePrepareConformance(
  name: string,
  open: () => Promise<DataSource>,
  options: {
    /** The data source's logger. */
    counter: StatementCounter;
    /** Whether its statements travel in one MySQL batch. */
    batched: boolean;
  },
): void {
  // runPlan's rows at two per INSERT; the refusal of its five ids at two per check.
  const inserts = [
    'INSERT eri_node',
    'INSERT eri_node',
    'INSERT eri_data',
    'INSERT eri_data',
    'INSERT eri_context_value',
    'INSERT eri_context_value',
    'INSERT eri_context_outputs',
    'INSERT eri_state',
    'INSERT bamboo_pipeline_instance',
    'INSERT eri_process',
  ];
  const checks = Array.from({ length: 3 }, () => (options.batched ? 'SET' : 'SELECT eri_state'));
  // MySQL: READ COMMITTED for the one transaction (no gap locks for the guard's read), in the batch.
  const statements = options.batched
    ? ['SET TRANSACTION', ...['BEGIN', ...checks, ...inserts, 'COMMIT'].map((s) => `+${s}`)]
    : ['BEGIN', ...checks, ...inserts, 'COMMIT'];
  const refusal = options.batched
    ? // The guard stops the batch; the taken id is read after the rollback.
      ['SET TRANSACTION', '+BEGIN', '+SET', 'ROLLBACK', 'SELECT eri_state']
    : ['BEGIN', 'SELECT eri_state', 'ROLLBACK'];
  describe(`TypeormEngineRuntime.prepareRun: ${name}`, () => {
    let ds: DataSource;
    let runtime: TypeormEngineRuntime;
    let dispatched: number;
    const { counter } = options;

    beforeAll(async () => {
      ds = await open();
      const queue = countingQueue(() => (dispatched += 1));
      runtime = new TypeormEngineRuntime({ dataSource: ds, queue, clock, prepareBatchSize: 2 });
      await runtime.start();
    });

    afterAll(async () => {
      await ds?.destroy();
    });

    it('stores a run in batches of prepareBatchSize rows, reads it back, and refuses stored ids', async () => {
      dispatched = 0;
      const plan = runPlan('pb-root', 'pb', runtime.ids.id());
      expect(await counter.during(() => runtime.prepareRun(plan))).toEqual(statements);
      expect(dispatched).toBe(1);
      expect(await runtime.loadRunDefinition('pb-root')).toEqual(plan.definition);
      expect((await runtime.getState('pb-root'))?.name).toBe('RUNNING');

      // A pipeline or node id already in use: refused before anything is written...
      await expect(counter.during(() => runtime.prepareRun(plan))).rejects.toThrow(
        new InvalidOperationError('node(pb-root) already has a state'),
      );
      expect(counter.statements).toEqual(refusal);
      // ...or, without a state, by the unique keys, rolling back the whole run.
      const again = { ...plan, rootState: { ...plan.rootState, nodeId: 'pb-root2' } };
      again.definition = { ...plan.definition, rootPipelineId: 'pb-root2' };
      await expect(runtime.prepareRun(again)).rejects.toThrow(
        new InvalidOperationError('pipeline(pb-root2) or one of its nodes exists'),
      );
      expect(await runtime.getState('pb-root2')).toBeUndefined();
      expect(await ds.query(`SELECT 1 FROM eri_data WHERE node_id = 'pb-root2'`)).toEqual([]);
      expect(dispatched).toBe(1);
    });

    it('names a node of the run that already has a state, and stores none of the run', async () => {
      dispatched = 0;
      await runtime.commit({ states: [{ record: stateRecord('tk-n2', 'READY', 'v1', clock.now()), expect: null }] });
      const plan = runPlan('tk-root', 'tk', runtime.ids.id());
      await expect(runtime.prepareRun(plan)).rejects.toThrow(
        new InvalidOperationError('node(tk-n2) already has a state'),
      );
      expect(await runtime.getState('tk-root')).toBeUndefined();
      expect(await ds.query(`SELECT 1 FROM eri_node WHERE root_pipeline_id = 'tk-root'`)).toEqual([]);
      expect(dispatched).toBe(0);
      // Once the id is free, the same plan goes through.
      await ds.query(`DELETE FROM eri_state WHERE node_id = 'tk-n2'`);
      await runtime.prepareRun(plan);
      expect(await runtime.loadRunDefinition('tk-root')).toEqual(plan.definition);
      expect(dispatched).toBe(1);
    });

    it('prepares concurrent submissions each in its own transaction without lock conflicts', async () => {
      // Groups off: each submission is its own transaction, as across several api processes.
      const warnings: string[] = [];
      const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error() {} };
      const [one, other] = [0, 1].map(
        () =>
          new TypeormEngineRuntime({ dataSource: ds, queue: new InProcessTaskQueue(), roundTripGroups: false, logger }),
      ) as [TypeormEngineRuntime, TypeormEngineRuntime];
      await Promise.all([one.start(), other.start()]);
      const plans = Array.from({ length: 12 }, (_, i) => runPlan(`cc${i}-root`, `cc${i}`, one.ids.id()));
      await Promise.all(plans.map((plan, i) => (i % 2 ? one : other).prepareRun(plan)));
      for (const plan of plans) {
        expect(await one.loadRunDefinition(plan.definition.rootPipelineId)).toEqual(plan.definition);
      }
      expect(warnings).toEqual([]);
    });

    it('prepares submissions made together in one transaction, and refuses a repeated one alone', async () => {
      dispatched = 0;
      const plans = Array.from({ length: 4 }, (_, i) => runPlan(`bu${i}-root`, `bu${i}`, runtime.ids.id()));
      await counter.during(() => Promise.all(plans.map((plan) => runtime.prepareRun(plan))));
      // The first alone at once, the three made meanwhile together.
      expect(counter.statements.filter((kind) => kind.endsWith('BEGIN'))).toHaveLength(2);
      for (const plan of plans) {
        expect(await runtime.loadRunDefinition(plan.definition.rootPipelineId)).toEqual(plan.definition);
      }
      expect(dispatched).toBe(4);

      // The same id twice in one burst: the group fails, and each plan is prepared alone.
      const fresh = runPlan('bv-root', 'bv', runtime.ids.id());
      const results = await Promise.allSettled([fresh, plans[0]!, { ...fresh }].map((p) => runtime.prepareRun(p)));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
      expect((results[1] as PromiseRejectedResult).reason).toEqual(
        new InvalidOperationError('node(bu0-root) already has a state'),
      );
      expect((results[2] as PromiseRejectedResult).reason).toEqual(
        new InvalidOperationError('node(bv-root) already has a state'),
      );
      expect(await runtime.loadRunDefinition('bv-root')).toEqual(fresh.definition);
      expect(dispatched).toBe(5);
    });
  });
}
