import { ProcessEffects } from '../../process/process-effects';
import type { StepEffects } from '../../process/step-effects';
import type { NodeDefinition, RunDefinition } from '../../runtime/node-definition';
import type { NodeStateRecord, ProcessRecord } from '../../runtime/runtime-records';
import type { CommandContext } from '../commands/command-context';
import { ROLLBACK_END, ROLLBACK_START } from './rollback-graph';

export interface RestartRequest {
  run: RunDefinition;
  target: NodeDefinition;
  /** The target's state before the clean-up (its retry count carries over, + 1). */
  targetState: NodeStateRecord | undefined;
  /** Graph nodes and other nodes on the path: their records are deleted. */
  cleanNodes: string[];
  /** The process that carried the start node; it continues at the target. */
  process: ProcessRecord;
}

/**
 * Spec 09 §8 step 4 (both modes): delete the records of every node on the path, clear the
 * pipeline's rollback bookkeeping, recreate the target READY with a new version and retry + 1, and
 * hand the start node's process to the target with a fresh task. The caller sets the pipeline state.
 *
 * Decision: the process that sat on the start node is the one restarted (the spec moves the root
 * process and deletes non-root processes on the start node). For sequential regions of the root
 * pipeline it is the root process, so this is the same; inside a parallel branch it keeps the
 * branch's join intact instead of sending the root process into the branch.
 */
export function restartAtTarget(ctx: CommandContext, effects: StepEffects, request: RestartRequest): void {
  const { run, target, process } = request;
  const markers = new Set([ROLLBACK_START, ROLLBACK_END, run.rootPipelineId]);
  effects.add({
    deleteNodeRecords: [...new Set(request.cleanNodes)].filter((id) => !markers.has(id)),
    rollback: { clearRootPipelines: [run.rootPipelineId] },
  });
  // The old record is deleted first in the same commit, so the new one must not exist.
  effects.observe(undefined, target.id);
  effects.setState(target.id, 'READY', {
    rootId: run.rootPipelineId,
    parentId: target.parentPipelineId,
    retry: (request.targetState?.retry ?? 0) + 1,
  });
  new ProcessEffects(process, process.taskToken, ctx.services).redispatch(effects, target.id, {
    dead: false,
    suspended: false,
    suspendedBy: '',
    pipelineStack: stackOf(run, target),
  });
}

/** The pipelines from the root down to the one that contains `node`. */
function stackOf(run: RunDefinition, node: NodeDefinition): string[] {
  const stack: string[] = [];
  for (let id = node.parentPipelineId; id !== run.rootPipelineId; id = run.nodes[id]!.parentPipelineId) {
    stack.unshift(id);
  }
  return [run.rootPipelineId, ...stack];
}

/** The pipeline state after a restart: RUNNING, or SUSPENDED when auto-execute is off (spec 09 §8). */
export function restartedPipelineState(ctx: CommandContext): 'RUNNING' | 'SUSPENDED' {
  return ctx.services.settings.autoExecuteWhenRolledBack ? 'RUNNING' : 'SUSPENDED';
}
