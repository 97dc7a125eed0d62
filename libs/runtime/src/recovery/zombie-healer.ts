import { NOOP_LOGGER, type Dispatch, type Logger } from '@bamboo/engine';
import { IsNull, type DataSource } from 'typeorm';
import type { ZombieCure } from '../config';
import { gateFor } from '../engine-runtime/gate-for';
import { rowId } from '../engine-runtime/record-mappers';
import { NodeEntity, NodeStateEntity, ProcessEntity, ScheduleEntity, updateWhere } from '../persistence';
import type { LeaderLock } from './leader-lock';
import { findStuckWork, type Doctor, type StuckWork } from './stuck-work.finder';

export const ZOMBIE_EX_DATA = 'node failed because its process was diagnosed as a zombie';

/** One thing the healer did; structurally the observability HealerLog's action. */
export interface HealAction {
  action: 'redispatch' | 'release_lock' | 'fail' | 'needs_operator';
  doctor: Doctor;
  processId: string | null;
  nodeId: string | null;
  detail: string;
  cured: boolean;
}

export interface HealRecorder {
  record(action: HealAction): Promise<void>;
}

export interface ZombieHealerOptions {
  dataSource: DataSource;
  dispatcher: { dispatch(dispatches: readonly Dispatch[]): Promise<void> };
  /** The engine's forced fail (A.13), the cure of a RUNNING node whose driver died mid-execute. */
  operator: { forcedFailActivity(nodeId: string, exData: string): Promise<unknown> };
  leader: LeaderLock;
  maxStuckSeconds: number;
  scheduleLockTtlSeconds: number;
  cure: ZombieCure;
  intervalMs: number;
  recorder?: HealRecorder;
  logger?: Logger;
  nowMs?: () => number;
}

/**
 * The zombie doctor (09 §6.2, §7): every `intervalMs`, on the leader only, finds work that looks
 * stuck and heals what still looks exactly the same `maxStuckSeconds` later (the observation is
 * kept in memory, so a merely queued job has time to run). Re-dispatch is idempotent: the task
 * token, schedule `times` / lock and consumed-callback guards drop a duplicate of a live message.
 */
export class ZombieHealer {
  private readonly firstSeen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly logger: Logger;
  private readonly nowMs: () => number;
  /** Counts per doctor of what this process cured (also in the metric when a recorder is wired). */
  readonly healed = new Map<Doctor, number>();

  constructor(private readonly options: ZombieHealerOptions) {
    this.logger = options.logger ?? NOOP_LOGGER;
    this.nowMs = options.nowMs ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await this.options.leader.release().catch(() => undefined);
  }

  /** One pass; overlapping ticks are skipped. Never throws (a failed pass is retried next tick). */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const pass = this.sweep()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn('zombie healer pass failed', { error: String(error) }))
      .finally(() => (this.running = undefined));
    this.running = pass;
    return pass;
  }

  /** Finds and heals; returns what was acted on (tests call it directly). */
  async sweep(): Promise<HealAction[]> {
    if (!(await this.options.leader.acquire())) {
      this.firstSeen.clear();
      return [];
    }
    const now = this.nowMs();
    const { dataSource, maxStuckSeconds } = this.options;
    const found = await gateFor(dataSource).run(() =>
      findStuckWork(dataSource.manager, new Date(now), maxStuckSeconds),
    );
    const seen = new Set(found.map((work) => work.key));
    for (const key of this.firstSeen.keys()) if (!seen.has(key)) this.firstSeen.delete(key);
    const due = found.filter((work) => this.due(work, now));
    const actions: HealAction[] = [];
    for (const work of due) {
      const action = await this.cure(work, now).catch((error: unknown) => {
        this.logger.warn('zombie cure failed', { doctor: work.doctor, nodeId: work.nodeId, error: String(error) });
        return undefined;
      });
      if (!action) continue;
      this.firstSeen.delete(work.key);
      actions.push(action);
      if (action.cured) this.healed.set(action.doctor, (this.healed.get(action.doctor) ?? 0) + 1);
      this.logger.warn('zombie healed', { ...action });
      await this.options.recorder?.record(action).catch(() => undefined);
    }
    return actions;
  }

  private due(work: StuckWork, now: number): boolean {
    // The orphan query already required an old heartbeat: no second wait.
    if (work.doctor === 'awake_orphan') return true;
    if (work.doctor === 'leaked_lock') {
      const ttlMs = this.options.scheduleLockTtlSeconds * 1000;
      if (now - work.lockAcquiredAt!.getTime() < ttlMs) return false;
    }
    const first = this.firstSeen.get(work.key);
    if (first === undefined) {
      this.firstSeen.set(work.key, now);
      return this.options.maxStuckSeconds <= 0;
    }
    return now - first >= this.options.maxStuckSeconds * 1000;
  }

  private async cure(work: StuckWork, now: number): Promise<HealAction | undefined> {
    const base = { doctor: work.doctor, processId: work.processId, nodeId: work.nodeId };
    const { dataSource, dispatcher } = this.options;
    if (work.doctor === 'leaked_lock') {
      // Conditional on the same lock time: a worker that took the lock since keeps it.
      const where = { id: rowId(work.scheduleId!), scheduling: true, lockAcquiredAt: work.lockAcquiredAt! };
      const released = await gateFor(dataSource).run(() =>
        updateWhere(dataSource, ScheduleEntity, where, { scheduling: false, lockAcquiredAt: null }),
      );
      if (released !== 1) return undefined;
      await dispatcher.dispatch([work.dispatch!]);
      return {
        ...base,
        action: 'release_lock',
        detail: 'poll lock held past its TTL released; poll re-dispatched',
        cured: true,
      };
    }
    if (work.dispatch) {
      await dispatcher.dispatch([work.dispatch]);
      return { ...base, action: 'redispatch', detail: `${work.dispatch.task.kind} re-dispatched`, cured: true };
    }
    return this.cureOrphan(work, now);
  }

  /**
   * An awake process whose driver died between two commits of one execute task. At a RUNNING
   * activity the component may have run: fail it (operators retry; at most once, 09 §6.3). At a
   * finished start event nothing with side effects ran: hand the process a fresh task there.
   */
  private async cureOrphan(work: StuckWork, now: number): Promise<HealAction | undefined> {
    const base = { doctor: work.doctor, processId: work.processId, nodeId: work.nodeId };
    if (work.nodeState === 'RUNNING' && work.nodeType === 'ServiceActivity') {
      await this.options.operator.forcedFailActivity(work.nodeId, ZOMBIE_EX_DATA);
      return { ...base, action: 'fail', detail: ZOMBIE_EX_DATA, cured: true };
    }
    if (this.options.cure === 'redispatch' && work.nodeType === 'EmptyStartEvent' && work.nodeState === 'FINISHED') {
      return this.redispatchOrphan(work, now, work.nodeId, 'start event re-entered');
    }
    if (work.nodeType === 'SubProcess' && work.nodeState === 'RUNNING') {
      const start = await this.enteredSubprocessStart(work);
      if (start) return this.redispatchOrphan(work, now, start, 'subprocess start event re-entered');
    }
    return { ...base, action: 'needs_operator', detail: `awake at a ${work.nodeState} ${work.nodeType}`, cured: false };
  }

  /**
   * The driver died right after entering a SubProcess (its state RUNNING, the stack pushed) and
   * before anything inside ran: nothing with side effects happened there, so the process can go on
   * at the nested start event. Undefined when anything inside already has a state.
   */
  private async enteredSubprocessStart(work: StuckWork): Promise<string | undefined> {
    const m = this.options.dataSource.manager;
    const [process, node] = await Promise.all([
      m.findOneBy(ProcessEntity, { id: rowId(work.processId) }),
      m.findOneBy(NodeEntity, { nodeId: work.nodeId }),
    ]);
    const start = node?.detail['startEventId'];
    if (!process || typeof start !== 'string' || process.pipelineStack.at(-1) !== work.nodeId) return undefined;
    const inside = await m.countBy(NodeStateEntity, { parentId: work.nodeId });
    return inside === 0 ? start : undefined;
  }

  private async redispatchOrphan(
    work: StuckWork,
    now: number,
    atNodeId: string,
    detail: string,
  ): Promise<HealAction | undefined> {
    const { dataSource, dispatcher } = this.options;
    const m = dataSource.manager;
    const token = `heal-${now}-${work.processId}`;
    const process = await m.findOneBy(ProcessEntity, { id: rowId(work.processId) });
    if (!process) return undefined;
    // The token is set only if nobody drives the process meanwhile (still awake, no token).
    const where = { id: process.id, taskToken: IsNull(), asleep: false, currentNodeId: work.nodeId };
    const patch = { taskToken: token, taskNodeId: atNodeId };
    if ((await gateFor(dataSource).run(() => updateWhere(dataSource, ProcessEntity, where, patch))) !== 1)
      return undefined;
    const task = {
      kind: 'execute' as const,
      queue: process.queue,
      priority: process.priority,
      processId: work.processId,
      nodeId: atNodeId,
      rootPipelineId: process.rootPipelineId,
      parentPipelineId: process.pipelineStack[process.pipelineStack.length - 1] ?? process.rootPipelineId,
      token,
    };
    await dispatcher.dispatch([{ task, delaySeconds: 0 }]);
    return {
      doctor: work.doctor,
      processId: work.processId,
      nodeId: work.nodeId,
      action: 'redispatch',
      detail,
      cured: true,
    };
  }
}
