import type { NodeStep, ExecuteOutcome } from './node-handler';

/**
 * "Failure" of spec 03 §4: `ex_data` into the node's execution outputs, FAILED with archive time
 * (conditional on the attempt's version), and the *failed* outcome.
 */
export function failNode(step: NodeStep, exData: string, inputs: Record<string, unknown> = {}): ExecuteOutcome {
  step.effects.add({ executionData: [{ nodeId: step.node.id, data: { inputs, outputs: { ex_data: exData } } }] });
  step.effects.setState(step.node.id, 'FAILED', { setArchived: true });
  return { kind: 'failed' };
}

/** FINISHED with archive time, continuing at `nextNodeId`. */
export function finishNode(step: NodeStep, nextNodeId: string): ExecuteOutcome {
  step.effects.setState(step.node.id, 'FINISHED', { setArchived: true });
  return { kind: 'next', nextNodeId };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Stack trace text for `ex_data` when user code throws. */
export function traceOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
