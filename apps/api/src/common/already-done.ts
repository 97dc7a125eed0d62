import { HttpStatus } from '@nestjs/common';
import { type Engine, EngineError } from '@bamboo/engine';
import type { Response } from 'express';

/**
 * Pause/resume/revoke are not repeatable in the engine (the second call is a refused transition).
 * The REST layer answers a repeat whose target state is already reached with 200 `{already: true}`
 * (spec 06 A.22); any other refusal keeps its error.
 */
export async function runOrAlready(
  engine: Engine,
  response: Response,
  nodeId: string,
  targetStates: readonly string[],
  command: () => Promise<void>,
): Promise<{ already: true } | null> {
  try {
    await command();
    return null;
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'INVALID_OPERATION') throw error;
    const state = await engine.getNodeState(nodeId).catch(() => undefined);
    if (!state || !targetStates.includes(state.state)) throw error;
    response.status(HttpStatus.OK);
    return { already: true };
  }
}
