import type { Dispatch } from '@bamboo/engine';
import { In, IsNull, LessThan, Not, type EntityManager } from 'typeorm';
import { CallbackDataEntity, NodeEntity, NodeStateEntity, ProcessEntity, ScheduleEntity } from '../persistence';

const POLL = 3;

/** The doctors of 09 §6.2 this healer runs (the `doctor` label of the healed counter). */
export type Doctor = 'lost_execute' | 'lost_poll' | 'leaked_lock' | 'lost_callback' | 'awake_orphan';

/** Something that looks stuck now; it is healed only if it still looks the same after the stuck time. */
export interface StuckWork {
  doctor: Doctor;
  /** Identifies the exact stuck situation (token, schedule times…): progress changes the key. */
  key: string;
  processId: string;
  nodeId: string;
  /** What re-dispatching sends; absent for an awake orphan (its cure needs the node's state). */
  dispatch?: Dispatch;
  /** Awake orphan: the current node's state and type, to choose the cure. */
  nodeState?: string;
  nodeType?: string;
  scheduleId?: string;
  /** Leaked lock: the lock time a release is conditional on. */
  lockAcquiredAt?: Date;
}

/** The invariants of 09 §6.2 read from the ERI tables: lost work, plus orphans. */
export async function findStuckWork(m: EntityManager, now: Date, maxStuckSeconds: number): Promise<StuckWork[]> {
  return [...(await findLostWork(m)), ...(await awakeOrphans(m, now, maxStuckSeconds))];
}

/**
 * Work whose message may be lost, each with the dispatch that carries it again: executes of live
 * processes holding a task token, polls of open POLL schedules of RUNNING attempts, unconsumed
 * callback data. Embedded restart recovery re-dispatches all of it at once.
 */
export async function findLostWork(m: EntityManager): Promise<StuckWork[]> {
  return [...(await pendingExecutes(m)), ...(await openSchedules(m))];
}

async function pendingExecutes(m: EntityManager): Promise<StuckWork[]> {
  const processes = await m.find(ProcessEntity, { where: { dead: false, taskToken: Not(IsNull()) } });
  return processes.map((p) => {
    const nodeId = p.taskNodeId ?? p.currentNodeId;
    const token = p.taskToken!;
    const task = {
      kind: 'execute' as const,
      queue: p.queue,
      priority: p.priority,
      processId: String(p.id),
      nodeId,
      rootPipelineId: p.rootPipelineId,
      parentPipelineId: p.pipelineStack[p.pipelineStack.length - 1] ?? p.rootPipelineId,
      token,
    };
    return {
      doctor: 'lost_execute',
      key: `x:${p.id}:${token}`,
      processId: String(p.id),
      nodeId,
      dispatch: { task, delaySeconds: 0 },
    };
  });
}

async function openSchedules(m: EntityManager): Promise<StuckWork[]> {
  const schedules = await m.find(ScheduleEntity, { where: { finished: false, expired: false } });
  if (schedules.length === 0) return [];
  const nodeIds = [...new Set(schedules.map((s) => s.nodeId))];
  const [states, processes, callbackData] = await Promise.all([
    m.find(NodeStateEntity, { where: { nodeId: In(nodeIds), name: 'RUNNING' } }),
    m.find(ProcessEntity, { where: { id: In([...new Set(schedules.map((s) => s.processId))]), dead: false } }),
    m.find(CallbackDataEntity, { where: { nodeId: In(nodeIds), consumed: false }, order: { id: 'ASC' } }),
  ]);
  const running = new Set(states.map((s) => `${s.nodeId}:${s.version}`));
  const live = new Map(processes.map((p) => [p.id, p]));
  const found: StuckWork[] = [];
  for (const schedule of schedules) {
    const process = live.get(schedule.processId);
    if (!process || !running.has(`${schedule.nodeId}:${schedule.version}`)) continue;
    const dispatch = (callbackDataId: string | null, expectedTimes: number | null): Dispatch => ({
      task: {
        kind: 'schedule',
        queue: process.queue,
        priority: process.priority,
        processId: String(process.id),
        nodeId: schedule.nodeId,
        scheduleId: String(schedule.id),
        callbackDataId,
        expectedTimes,
      },
      delaySeconds: 0,
    });
    const base = { processId: String(process.id), nodeId: schedule.nodeId };
    if (schedule.type === POLL) {
      const locked = schedule.scheduling && schedule.lockAcquiredAt !== null;
      found.push({
        ...base,
        doctor: locked ? 'leaked_lock' : 'lost_poll',
        key: `p:${schedule.id}:${schedule.scheduleTimes}:${locked ? schedule.lockAcquiredAt!.getTime() : 0}`,
        dispatch: dispatch(null, schedule.scheduleTimes),
        scheduleId: String(schedule.id),
        ...(locked ? { lockAcquiredAt: schedule.lockAcquiredAt! } : {}),
      });
    }
    for (const data of callbackData) {
      if (data.nodeId !== schedule.nodeId || data.version !== schedule.version) continue;
      found.push({ ...base, doctor: 'lost_callback', key: `c:${data.id}`, dispatch: dispatch(String(data.id), null) });
    }
  }
  return found;
}

/** A live process nobody drives: awake, no task token, heartbeat (set on each node entry) old. */
async function awakeOrphans(m: EntityManager, now: Date, maxStuckSeconds: number): Promise<StuckWork[]> {
  const before = new Date(now.getTime() - maxStuckSeconds * 1000);
  const processes = await m.find(ProcessEntity, {
    where: { dead: false, asleep: false, suspended: false, taskToken: IsNull(), lastHeartbeat: LessThan(before) },
  });
  if (processes.length === 0) return [];
  const nodeIds = [...new Set(processes.map((p) => p.currentNodeId))];
  const [states, nodes] = await Promise.all([
    m.find(NodeStateEntity, { where: { nodeId: In(nodeIds) } }),
    m.find(NodeEntity, { where: { nodeId: In(nodeIds) } }),
  ]);
  const stateOf = new Map(states.map((s) => [s.nodeId, s]));
  const typeOf = new Map(nodes.map((n) => [n.nodeId, typeof n.detail['type'] === 'string' ? n.detail['type'] : '']));
  return processes.map((p) => {
    const state = stateOf.get(p.currentNodeId);
    return {
      doctor: 'awake_orphan',
      key: `o:${p.id}:${p.currentNodeId}:${state?.version ?? ''}:${p.lastHeartbeat.getTime()}`,
      processId: String(p.id),
      nodeId: p.currentNodeId,
      nodeState: state?.name ?? 'NONE',
      nodeType: typeOf.get(p.currentNodeId) ?? '',
    };
  });
}
