import { setTimeout as sleep } from 'node:timers/promises';
import { type Counters, counterDelta, sumCounters } from '../measure/counter-delta';
import { nodeTimings } from '../measure/node-latency';
import { ProcSampler } from '../measure/proc-sampler';
import { pidsNamed } from '../measure/proc-stat';
import { readHeaps, readProductCounters } from '../measure/product-metrics';
import { ServerCounters } from '../measure/server-counters';
import { flattenStates, type StateEntry } from '../measure/states';
import { type GraphNode, treeGraph } from '../measure/tree-graph';
import { ApiClient } from '../product/api-client';
import { launchProduct, type RunningProduct } from '../product/launch';
import {
  createRunEnvironment,
  disposeRunEnvironment,
  type Mode,
  type RunEnvironment,
} from '../product/run-environment';
import { runParallel } from '../floors/run-parallel';
import {
  buildWorkload,
  SCHEDULES_PER_COMPONENT,
  type WorkloadName,
  type WorkloadOptions,
} from '../workloads/workloads';
import { type CallbackFigures, deliverCallbacks, waitForWaitingNodes } from './deliver-callbacks';
import { computeFigures, counts, type RunFigures } from './run-figures';
import { waitAllFinished } from './wait-finished';

/** This process's CPU seconds (user + system). */
function benchCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function cpuText(cpu: Readonly<Record<string, number>>): string {
  return Object.entries(cpu)
    .map(([label, seconds]) => `${label} ${seconds.toFixed(2)}`)
    .join(', ');
}

export interface RunOptions {
  mode: Mode;
  workers: number;
  workload: WorkloadName;
  workloadOptions: WorkloadOptions;
  repoRoot: string;
  apiScript: string;
  workerScript: string;
  componentModules: string[];
  mysqlUrl: string;
  redisUrl: string;
  nodeArgs: string[];
  productEnv: Record<string, string>;
  timeoutMs?: number;
  keep: boolean;
  log: (line: string) => void;
}

/** A product launched on a fresh database and queue prefix, with what is needed to stop it. */
export interface OpenProduct {
  env: RunEnvironment;
  product: RunningProduct;
  close(): Promise<void>;
}

/** Starts the product in the chosen mode on a fresh database and queue prefix. */
export async function openProduct(options: RunOptions): Promise<OpenProduct> {
  const env = await createRunEnvironment(options.mode, options);
  let product: RunningProduct | undefined;
  try {
    product = await launchProduct(env, {
      repoRoot: options.repoRoot,
      workers: options.workers,
      apiScript: options.apiScript,
      workerScript: options.workerScript,
      componentModules: options.componentModules,
      nodeArgs: options.nodeArgs,
      env: options.productEnv,
    });
  } catch (error) {
    await disposeRunEnvironment(env, options.keep);
    throw error;
  }
  options.log(
    `  product up (${product.processes.map((p) => `${p.label}:${p.pid}`).join(' ')}), logs in ${env.workDir}`,
  );
  const running = product;
  return {
    env,
    product: running,
    close: async () => {
      try {
        await running.stop();
      } finally {
        await disposeRunEnvironment(env, options.keep);
      }
    },
  };
}

/** One measured run: fresh database and product, submit, wait, collect figures, tear everything down. */
export async function runOnce(options: RunOptions): Promise<RunFigures> {
  const open = await openProduct(options);
  try {
    return await measureRun(open, options);
  } finally {
    await open.close();
  }
}

/**
 * Submits a freshly built copy of the workload (new ids) to a running product and measures it
 * until every pipeline is FINISHED. Several calls on one product show growth across runs.
 */
export async function measureRun({ env, product }: OpenProduct, options: RunOptions): Promise<RunFigures> {
  const workload = buildWorkload(options.workload, options.workloadOptions);
  const graph = new Map<string, GraphNode>();
  for (const tree of workload.pipelines) treeGraph(tree, graph);
  const client = new ApiClient(product.baseUrl);
  try {
    const server = new ServerCounters(env.mysql, env.redis);
    const sampler = new ProcSampler();
    for (const p of product.processes) sampler.track(p.label, p.pid, true);
    if (options.mode === 'distributed') {
      for (const pid of pidsNamed('mariadbd')) sampler.track('mariadbd', pid);
      for (const pid of pidsNamed('redis-server')) sampler.track('redis-server', pid);
    }

    // The idle rate shows how much of the server-wide counts other clients (and idle polling) add.
    const idleStart = await server.snapshot();
    await sleep(1000);
    const before = await server.snapshot();
    const idle = ServerCounters.delta(idleStart, before);
    const metricsBefore = await readProductCounters(product.processes);

    sampler.start();
    const firstSubmitAt = Date.now();
    const ids: string[] = new Array<string>(workload.pipelines.length);
    // "Started at once": every submit in flight together.
    await runParallel(workload.pipelines.length, 100, async (i) => {
      ids[i] = await client.runPipeline(workload.pipelines[i]);
    });
    const submittedAt = Date.now();
    const timeoutMs = options.timeoutMs ?? workload.timeoutMs;
    let callbacks: CallbackFigures | undefined;
    if (workload.callbacks) {
      const waiting = await waitForWaitingNodes(client, ids, graph, 'bamboo_wait_callback', timeoutMs);
      const cpuBefore: Record<string, number> = { ...sampler.cpuByLabel(), bench: benchCpuSeconds() };
      callbacks = await deliverCallbacks(client, waiting);
      const cpuAfter = { ...sampler.cpuByLabel(), bench: benchCpuSeconds() };
      callbacks.windowCpuSeconds = Object.fromEntries(
        Object.entries(cpuAfter).map(([label, cpu]) => [label, cpu - (cpuBefore[label] ?? cpu)]),
      );
      options.log(
        `  ${callbacks.delivered} callbacks accepted at ${callbacks.acceptedPerSecond.toFixed(0)}/s, ` +
          `request p50/p99 ${callbacks.requestP50Ms.toFixed(0)}/${callbacks.requestP99Ms.toFixed(0)} ms, ` +
          `CPU s in the window: ${cpuText(callbacks.windowCpuSeconds)}`,
      );
    }
    const pollMs = graph.size > 500 && workload.pipelines.length === 1 ? 250 : 100;
    const detectedAt = await waitAllFinished(client, ids, { timeoutMs, pollMs, failureCheckMs: 2000 });
    const sampled = sampler.stop();
    const after = await server.snapshot();
    const metricsAfter = await readProductCounters(product.processes);
    const heaps = await readHeaps(product.processes);
    const processes = sampled.map((p) => {
      const heap = heaps.get(p.pid);
      return {
        ...p,
        ...(heap?.usedMiB === undefined ? {} : { heapUsedMiB: heap.usedMiB }),
        ...(heap?.liveMiB === undefined ? {} : { heapLiveMiB: heap.liveMiB }),
      };
    });

    const entries = new Map<string, StateEntry>();
    for (const id of ids) for (const [key, entry] of flattenStates(await client.states(id))) entries.set(key, entry);
    const timings = nodeTimings(graph, entries, ids, SCHEDULES_PER_COMPONENT);
    const serverDelta = ServerCounters.delta(before, after);
    const nodes = timings.executedNodes;
    const activities = [...graph.values()].filter((n) => n.type === 'ServiceActivity' && entries.has(n.id)).length;

    let sql = counts('unavailable', undefined, undefined, nodes);
    let queue = counts('unavailable', undefined, undefined, nodes);
    if (metricsBefore.sql !== undefined && metricsAfter.sql !== undefined) {
      sql = counts('product-metrics', {}, metricsAfter.sql - metricsBefore.sql, nodes);
    } else if (options.mode === 'distributed') {
      sql = counts('server-status', serverDelta.sql, serverDelta.sql.Questions, nodes);
    }
    const sqlRoundTrips =
      metricsBefore.roundTrips !== undefined && metricsAfter.roundTrips !== undefined
        ? counts('product-metrics', {}, metricsAfter.roundTrips - metricsBefore.roundTrips, nodes)
        : undefined;
    if (metricsAfter.queue !== undefined) {
      const delta: Counters = counterDelta(metricsBefore.queue ?? {}, metricsAfter.queue);
      queue = counts('product-metrics', delta, sumCounters(delta), nodes);
    } else if (options.mode === 'distributed') {
      queue = counts('server-status', serverDelta.redis, sumCounters(serverDelta.redis), nodes);
    }
    return computeFigures({
      workload: workload.name,
      mode: options.mode,
      workers: options.mode === 'distributed' ? options.workers : 0,
      pipelines: ids.length,
      firstSubmitAt,
      submittedAt,
      detectedAt,
      timings,
      activities,
      processes,
      sql,
      sqlRoundTrips,
      queue,
      background:
        options.mode === 'distributed'
          ? { sqlPerSecond: idle.sql.Questions ?? 0, redisPerSecond: sumCounters(idle.redis) }
          : undefined,
      callbacks,
      idealSeconds: workload.idealSeconds,
    });
  } finally {
    client.close();
  }
}
