import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from '../product/api-client';
import { flattenStates } from '../measure/states';
import { percentile } from '../measure/stats';
import type { GraphNode } from '../measure/tree-graph';

export interface CallbackFigures {
  delivered: number;
  /** 409 answers retried (the node was RUNNING but its schedule not yet stored). */
  retries: number;
  /** From the first request sent to the last 202 received, ms. */
  elapsedMs: number;
  acceptedPerSecond: number;
  /** Per callback, first attempt sent → its 202 received (409 retries included), ms. */
  requestP50Ms: number;
  requestP99Ms: number;
  /**
   * CPU seconds each process used from the first callback sent to the last 202 (product
   * processes, mariadbd and redis-server by label, and `bench` for this process): where the
   * callbacks' time goes, with the schedule steps they trigger running at the same time.
   */
  windowCpuSeconds?: Record<string, number>;
}

interface Waiting {
  nodeId: string;
  version: string;
}

/** Polls the states until every callback activity is RUNNING, and returns each one's version. */
export async function waitForWaitingNodes(
  client: ApiClient,
  pipelineIds: readonly string[],
  graph: ReadonlyMap<string, GraphNode>,
  code: string,
  timeoutMs: number,
): Promise<Waiting[]> {
  const expected = [...graph.values()].filter((n) => n.code === code).length;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting: Waiting[] = [];
    for (const id of pipelineIds) {
      for (const entry of flattenStates(await client.states(id)).values()) {
        if (graph.get(entry.id)?.code === code && entry.state === 'RUNNING' && entry.version) {
          waiting.push({ nodeId: entry.id, version: entry.version });
        }
      }
    }
    if (waiting.length === expected) return waiting;
    if (Date.now() > deadline) throw new Error(`bench: only ${waiting.length} of ${expected} callback nodes waiting`);
    await sleep(200);
  }
}

/** Sends one callback per node from `concurrency` parallel senders; a 409 is retried briefly. */
export async function deliverCallbacks(
  client: ApiClient,
  nodes: readonly Waiting[],
  concurrency = 32,
): Promise<CallbackFigures> {
  let next = 0;
  let retries = 0;
  const requestMs: number[] = [];
  const started = performance.now();
  const sender = async (): Promise<void> => {
    for (let i = next++; i < nodes.length; i = next++) {
      const { nodeId, version } = nodes[i]!;
      const sent = performance.now();
      for (let attempt = 0; ; attempt++) {
        const status = await client.callback(nodeId, version, { result: true, bench: i });
        if (status === 202) {
          requestMs.push(performance.now() - sent);
          break;
        }
        if (status !== 409 || attempt >= 50) throw new Error(`bench: callback to ${nodeId} answered ${status}`);
        retries++;
        await sleep(20);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, nodes.length) }, sender));
  const elapsedMs = performance.now() - started;
  return {
    delivered: nodes.length,
    retries,
    elapsedMs,
    acceptedPerSecond: nodes.length / (elapsedMs / 1000),
    requestP50Ms: percentile(requestMs, 50),
    requestP99Ms: percentile(requestMs, 99),
  };
}
