import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { getText } from './api-client';

export interface ProductProcess {
  label: string;
  pid: number;
  port: number;
  /** Extra port serving /metrics when the process uses one (workers' METRICS_PORT). */
  metricsPort?: number;
  logFile: string;
  child: ChildProcess;
}

export interface SpawnSpec {
  label: string;
  script: string;
  port: number;
  metricsPort?: number;
  env: Record<string, string>;
  nodeArgs: string[];
  logFile: string;
  cwd: string;
}

export function spawnProduct(spec: SpawnSpec): ProductProcess {
  const log = createWriteStream(spec.logFile);
  const child = spawn(process.execPath, [...spec.nodeArgs, spec.script], {
    cwd: spec.cwd,
    env: productEnv(spec),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  if (child.pid === undefined) throw new Error(`bench: could not start ${spec.label} (${spec.script})`);
  return {
    label: spec.label,
    pid: child.pid,
    port: spec.port,
    metricsPort: spec.metricsPort,
    logFile: spec.logFile,
    child,
  };
}

/**
 * The shell's environment without its BAMBOO_* settings (a stray token or Redis URL would change
 * what is measured), plus the run's own; an empty value leaves a variable unset.
 */
function productEnv(spec: SpawnSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('BAMBOO_')) env[key] = value;
  const own: Record<string, string> = { ...spec.env, PORT: String(spec.port) };
  if (spec.metricsPort) own.METRICS_PORT = String(spec.metricsPort);
  for (const [key, value] of Object.entries(own)) if (value !== '') env[key] = value;
  return env;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Waits until `GET /health` answers 200; fails with the log's tail when the process exits or time runs out. */
export async function waitHealthy(proc: ProductProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(
        `bench: ${proc.label} exited (${proc.child.exitCode ?? proc.child.signalCode}):\n${tail(proc.logFile)}`,
      );
    }
    const answer = await getText(`http://127.0.0.1:${proc.port}/health`, 2000);
    if (answer?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`bench: ${proc.label} not healthy after ${timeoutMs} ms:\n${tail(proc.logFile)}`);
}

/** SIGTERM, then SIGKILL after a grace period; only ever the process this harness started. */
export async function stopProcess(proc: ProductProcess, graceMs = 10_000): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout' as const);
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(5000)]);
  }
}
