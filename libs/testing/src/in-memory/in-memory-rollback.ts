import type { RollbackNodeSnapshot, RollbackPlan, RollbackRun, RollbackState, RollbackWrites } from '@bamboo/engine';

/**
 * The rollback tables of the in-memory runtime (spec 09 §2.3): node snapshots, plans and runs with
 * store-assigned ids, as the SQL tables' auto-increment keys assign them.
 */
export class InMemoryRollbackTables {
  readonly nodeSnapshots: RollbackNodeSnapshot[] = [];
  readonly plans: RollbackPlan[] = [];
  readonly runs: RollbackRun[] = [];
  private nextId = 1;

  /** `EngineRuntime.loadRollbackState`: unexpired runs and plans, every node snapshot oldest first. */
  stateOf(rootPipelineId: string): RollbackState {
    return {
      runs: this.runs.filter((run) => run.rootPipelineId === rootPipelineId && !run.expired),
      plans: this.plans.filter((plan) => plan.rootPipelineId === rootPipelineId && !plan.expired),
      nodeSnapshots: this.nodeSnapshots.filter((snapshot) => snapshot.rootPipelineId === rootPipelineId),
    };
  }

  /** `StepCommit.rollback`, in the order the SQL runtime applies it. */
  apply(writes: RollbackWrites): void {
    for (const rootId of writes.clearRootPipelines ?? []) {
      const kept = this.nodeSnapshots.filter((snapshot) => snapshot.rootPipelineId !== rootId);
      this.nodeSnapshots.splice(0, this.nodeSnapshots.length, ...kept);
      for (const record of [...this.runs, ...this.plans]) if (record.rootPipelineId === rootId) record.expired = true;
    }
    for (const snapshot of writes.addNodeSnapshots ?? []) {
      this.nodeSnapshots.push({ ...snapshot, id: this.id(), rolledBack: false });
    }
    const rolledBack = new Set(writes.markRolledBack ?? []);
    for (const snapshot of this.nodeSnapshots) if (rolledBack.has(snapshot.id)) snapshot.rolledBack = true;
    for (const { rootPipelineId, startNodeId } of writes.expirePlans ?? []) {
      for (const plan of this.plans) {
        if (plan.rootPipelineId === rootPipelineId && plan.startNodeId === startNodeId) plan.expired = true;
      }
    }
    for (const plan of writes.addPlans ?? []) this.plans.push({ ...plan, id: this.id(), expired: false });
    for (const run of writes.addRuns ?? []) this.runs.push({ ...run, id: this.id(), expired: false });
    for (const { id, nodeAccessRecord } of writes.runAccess ?? []) {
      const run = this.runs.find((candidate) => candidate.id === id);
      if (run) run.nodeAccessRecord = nodeAccessRecord;
    }
  }

  private id(): string {
    return String(this.nextId++);
  }
}
