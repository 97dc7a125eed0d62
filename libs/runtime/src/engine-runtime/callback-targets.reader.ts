import type { CallbackSnapshot, CallbackTargetQuery } from '@bamboo/engine';
import type { EntityManager } from 'typeorm';
import { NodeStateEntity, ProcessEntity, ScheduleEntity } from '../persistence';
import { RawTable } from './raw-table';
import { toProcessRecord, toScheduleRecord, toStateRecord } from './record-mappers';

/**
 * What `StepReader.callbackTarget` reads, for several callbacks at once: three SELECTs (states,
 * schedules, sleeping processes of all the nodes) whatever their number, instead of one SELECT per
 * callback. Callbacks arriving together are read this way (issue #8); the snapshots come back in
 * the order of `queries`.
 */
export async function readCallbackTargets(
  m: EntityManager,
  queries: readonly CallbackTargetQuery[],
): Promise<CallbackSnapshot[]> {
  const nodeIds = [...new Set(queries.map((query) => query.nodeId))];
  const attempts = queries.map(({ nodeId, version }) => ({ nodeId, version }));
  const [states, schedules, sleeping] = await Promise.all([
    RawTable.of(m, NodeStateEntity).find(m, { nodeId: nodeIds }),
    RawTable.of(m, ScheduleEntity).find(m, attempts),
    RawTable.of(m, ProcessEntity).find(m, { asleep: true, dead: false, currentNodeId: nodeIds }),
  ]);
  return queries.map(({ nodeId, version }) => {
    const state = states.find((row) => row.nodeId === nodeId);
    const schedule = schedules.find((row) => row.nodeId === nodeId && row.version === version);
    return {
      sleepingProcesses: sleeping.filter((row) => row.currentNodeId === nodeId).map(toProcessRecord),
      state: state ? toStateRecord(state) : undefined,
      schedule: schedule ? toScheduleRecord(schedule) : undefined,
    };
  });
}
