import { EndEvent, ExecutableEndEvent } from '@bamboo/component-framework';

export interface AuditEntry {
  rootPipelineId: string;
  /** Pipelines open when the end event ran, root first. */
  pipelineStack: string[];
}

/**
 * Where the end event records finished pipelines. A real package would write to its own store or
 * queue; a module-level sink keeps the example dependency-free and observable in tests.
 */
export const auditLog: AuditEntry[] = [];

/** Executable end event: runs when a pipeline reaches an end event of type `demo_audit_end`. */
@EndEvent({ type: 'demo_audit_end' })
export class AuditEndEvent extends ExecutableEndEvent {
  execute(pipelineStack: string[], rootPipelineId: string): void {
    auditLog.push({ rootPipelineId, pipelineStack: [...pipelineStack] });
  }
}
