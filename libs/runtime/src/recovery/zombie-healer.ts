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
  /** needs_operator reports already logged, by stuck-work key: logged once, not on every pass. */
  private readonly reported = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly logger: Logger;
  private readonly nowMs: () => number;
  /** Counts per doctor of what this process cured (also in the metric when a recorder is wired). */
  readonly healed = new Map<Doctor, number>();

  /** Orphans that no cure covers and that wait for an operator, as seen by the last pass. */
  get needsOperator(): number {
    return this.reported.size;
  }

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
      this.reported.clear();
      return [];
    }
    const now = this.nowMs();
    const { dataSource, maxStuckSeconds } = this.options;
    const found = await gateFor(dataSource).run(() =>
      findStuckWork(dataSource.manager, new Date(now), maxStuckSeconds),
    );
    const seen = new Set(found.map((work) => work.key));
    for (const key of this.firstSeen.keys()) if (!seen.has(key)) this.firstSeen.delete(key);
    for (const key of this.reported.keys()) if (!seen.has(key)) this.reported.delete(key);
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
      if (!this.firstReport(work, action)) continue;
      this.logger.warn('zombie healed', { ...action });
      await this.options.recorder?.record(action).catch(() => undefined);
    }
    return actions;
  }

  /**
   * A needs_operator orphan is found again on every pass until an operator acts: it is logged and
   * recorded once (again only if its detail changes), yet still returned by each sweep and counted
   * in `needsOperator`. A cure is always reported.
   */
  private firstReport(work: StuckWork, action: HealAction): boolean {
    if (action.action !== 'needs_operator') return true;
    if (this.reported.get(work.key) === action.detail) return false;
    this.reported.set(work.key, action.detail);
    return true;
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
    if (work.nodeState === 'FINISHED') {
      const next = await this.nextAfterFinishedStep(work);
      if (next) return this.redispatchOrphan(work, now, next.nodeId, next.detail);
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

  /**
   * The driver died between two steps: the step of the current node committed (FINISHED, its
   * outcome "next": stack popped for an end event) and the next node was not entered yet. The
   * process goes on where that driver would have: at the successor (a FINISHED activity is not
   * executed again), the SubProcess's successor after a nested end event, or the exclusive gateway
   * itself, whose conditions are evaluated again (they have no side effects, the branch taken is
   * not stored). Undefined for the others (a parallel gateway forks and sleeps in the same commit).
   */
  private async nextAfterFinishedStep(work: StuckWork): Promise<{ nodeId: string; detail: string } | undefined> {
    const m = this.options.dataSource.manager;
    const successor = async (nodeId: string) => {
      const targets = (await m.findOneBy(NodeEntity, { nodeId }))?.detail['targets'];
      const only = Array.isArray(targets) && targets.length === 1 ? (targets[0] as { targetId?: unknown }) : undefined;
      return typeof only?.targetId === 'string' && only.targetId !== '' ? only.targetId : undefined;
    };
    const goOn = (nodeId: string | undefined, detail: string) => (nodeId ? { nodeId, detail } : undefined);
    switch (work.nodeType) {
      case 'ExclusiveGateway':
        return { nodeId: work.nodeId, detail: 'exclusive gateway evaluated again' };
      case 'ServiceActivity':
      case 'EmptyStartEvent':
      case 'ConvergeGateway':
        return goOn(await successor(work.nodeId), `went on after the ${work.nodeType}`);
      case 'EmptyEndEvent':
      case 'ExecutableEndEvent': {
        const [process, state] = await Promise.all([
          m.findOneBy(ProcessEntity, { id: rowId(work.processId) }),
          m.findOneBy(NodeStateEntity, { nodeId: work.nodeId }),
        ]);
        // A root end event kills the process: only a nested one leaves it awake, its pipeline popped.
        const subprocess = state?.parentId;
        if (!process || !subprocess || process.pipelineStack.includes(subprocess)) return undefined;
        const finished = await m.findOneBy(NodeStateEntity, { nodeId: subprocess, name: 'FINISHED' });
        return finished ? goOn(await successor(subprocess), 'went on after the SubProcess') : undefined;
      }
      case undefined:
      default:
        return undefined;
    }
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
