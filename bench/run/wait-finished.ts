import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../product/api-client';
import { flattenStates, type StateEntry } from '../measure/states';

export interface WaitOptions {
  timeoutMs: number;
  /** Pause between two looks at the pipeline being watched. */
  pollMs: number;
  /** How often the watched pipeline's whole state tree is searched for a FAILED node. */
  failureCheckMs: number;
}

const FAILED_STATES = new Set(['FAILED', 'REVOKED']);

export class RunFailedError extends Error {}

function failedEntry(states: Record<string, StateEntry>): StateEntry | undefined {
  for (const entry of flattenStates(states).values()) if (FAILED_STATES.has(entry.state)) return entry;
  return undefined;
}

/**
 * Waits until every pipeline is FINISHED, watching one pipeline at a time so that polling adds
 * almost no load to the product under test: pipelines of a batch finish close together, so once the
 * watched one finishes the rest are checked back to back. Any FAILED or REVOKED node fails the run.
 */
export async function waitAllFinished(
  client: ApiClient,
  pipelineIds: readonly string[],
  options: WaitOptions,
): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  const pending = [...pipelineIds];
  let cheap: boolean | undefined;
  let lastFailureCheck = Date.now();
  while (pending.length > 0) {
    if (Date.now() > deadline) {
      throw new RunFailedError(
        `bench: ${pending.length} of ${pipelineIds.length} pipelines not FINISHED after ${options.timeoutMs} ms`,
      );
    }
    const id = pending[0]!;
    let state: string | undefined;
    const checkFailures = Date.now() - lastFailureCheck >= options.failureCheckMs;
    if (cheap !== false && !checkFailures) {
      // GET /nodes/{id}/state is the light read; older builds lack it, then states are used throughout.
      state = (await client.nodeState(id).catch(() => undefined))?.state;
      cheap = state !== undefined;
    }
    if (state === undefined) {
      const states = await client.states(id);
      lastFailureCheck = Date.now();
      const failed = failedEntry(states);
      if (failed) throw new RunFailedError(`bench: node ${failed.id} of pipeline ${id} is ${failed.state}`);
      state = states[id]?.state;
    }
    if (state === 'FINISHED') {
      pending.shift();
      continue;
    }
    if (state !== undefined && FAILED_STATES.has(state)) throw new RunFailedError(`bench: pipeline ${id} is ${state}`);
    await sleep(options.pollMs);
  }
  return Date.now();
}
