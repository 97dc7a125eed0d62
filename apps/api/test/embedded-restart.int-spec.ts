import { TreeKit } from '@bamboo/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The `npm start` process for real: apps/api/src/main.ts (embedded: SQLite, in-process queue,
 * workers and healer in the same process) run from the TypeScript sources through the chaos
 * harness's swc require hook, SIGKILLed while pipelines run, then started again on the same SQLite
 * file. The restart's recovery (and the healer, for an execute the kill interrupted) must finish
 * every pipeline without running a completed execute twice.
 */
const ROOT = resolve(__dirname, '../../..');
const SWC_REGISTER = join(ROOT, 'scripts/chaos/swc-register.js');
const MAIN = join(ROOT, 'apps/api/src/main.ts');
const COMPONENTS = join(__dirname, 'embedded-restart/restart-components.ts');
const PIPELINES = 10;
const STEPS = 4;

type States = Record<string, { state: string; version: string }>;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

class EmbeddedServer {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async start(url: string): Promise<void> {
    const child = spawn(process.execPath, ['--require', SWC_REGISTER, MAIN], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    for (const deadline = Date.now() + 45_000; Date.now() < deadline; await sleep(200)) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${this.output}`);
      const answered = await fetch(`${url}/health`).then(
        () => true,
        () => false,
      );
      if (answered) return;
    }
    throw new Error(`the server did not answer within 45 s:\n${this.output}`);
  }

  /** Resolves once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
  }
}

function slowPipeline() {
  const k = new TreeKit().start();
  const steps = Array.from({ length: STEPS }, (_, index) => `s${index}`);
  for (const step of steps) k.act(step, 'restart_slow_step');
  return k
    .end()
    .chain('start', ...steps, 'end')
    .build();
}

describe('embedded mode: the all-in-one server SIGKILLed mid-run and started again on the same SQLite file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'bamboo-embedded-restart-'));
  const executeLog = join(directory, 'executes.tsv');
  let server: EmbeddedServer | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('finishes every pipeline after the restart; no completed execute ran twice', async () => {
    writeFileSync(executeLog, '');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BAMBOO_DB_URL: `sqlite:${join(directory, 'bamboo.sqlite')}`,
      PORT: String(port),
      BAMBOO_COMPONENT_MODULES: COMPONENTS,
      RESTART_EXECUTE_LOG: executeLog,
      // A kill inside an execute leaves an awake orphan: the healer (every second) fails it for the operator.
      ZOMBIE_HEAL_CRON: '*/1 * * * * *',
      ZOMBIE_MAX_STUCK_SECONDS: '2',
      SCHEDULE_LOCK_TTL_SECONDS: '2',
      ZOMBIE_CURE: 'redispatch',
    };
    for (const name of ['BAMBOO_REDIS_URL', 'BAMBOO_API_TOKEN', 'BAMBOO_API_READ_TOKEN']) delete env[name];
    const executes = () => readFileSync(executeLog, 'utf8').split('\n').filter(Boolean);
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const envelope = (await response.json()) as { result: boolean; data: T; message: string };
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${envelope.message}`);
      return envelope.data;
    };
    const states = async (root: string): Promise<States> => {
      const data = await call<Record<string, { state: string; version: string; children: States }>>(
        'GET',
        `/pipelines/${root}/states?flat_children=true`,
      );
      return { [root]: data[root]!, ...data[root]!.children };
    };

    server = new EmbeddedServer(env);
    await server.start(url);
    const roots: string[] = [];
    for (let index = 0; index < PIPELINES; index++) {
      const tree = slowPipeline();
      roots.push((await call<{ pipeline_id: string }>('POST', '/pipelines', { pipeline: tree })).pipeline_id);
    }
    // Some nodes ran, most did not: SIGKILL.
    for (const deadline = Date.now() + 20_000; executes().length < PIPELINES && Date.now() < deadline;) await sleep(20);
    await server.stop('SIGKILL');
    const beforeKill = executes().length;
    expect(beforeKill).toBeGreaterThanOrEqual(PIPELINES);
    // Mid-run: at least one step of every pipeline on average still to execute.
    expect(beforeKill).toBeLessThanOrEqual(PIPELINES * (STEPS - 1));

    await server.start(url);
    const retried = new Set<string>();
    let unfinished = roots;
    for (const deadline = Date.now() + 40_000; unfinished.length > 0 && Date.now() < deadline; await sleep(300)) {
      const next: string[] = [];
      for (const root of unfinished) {
        const all = await states(root);
        if (all[root]!.state === 'FINISHED') continue;
        next.push(root);
        // The operator: a node the kill interrupted inside its execute is failed by the healer.
        for (const [nodeId, node] of Object.entries(all)) {
          if (node.state !== 'FAILED' || retried.has(`${nodeId}@${node.version}`)) continue;
          retried.add(`${nodeId}@${node.version}`);
          await call('POST', `/nodes/${nodeId}/retry`, {});
        }
      }
      unfinished = next;
    }
    expect({ unfinished, output: unfinished.length > 0 ? server.output : '' }).toEqual({ unfinished: [], output: '' });
    // The second start found the work the first process lost in the SQLite file and dispatched it again.
    expect(server.output).toMatch(/embedded recovery \{"execute":\d+,"polls":\d+/);

    // Every FINISHED attempt (node_id, version) of every run executed its component exactly once.
    const runs = new Map<string, number>();
    for (const line of executes()) {
      const [nodeId, version] = line.split('\t');
      runs.set(`${nodeId}@${version}`, (runs.get(`${nodeId}@${version}`) ?? 0) + 1);
    }
    const completed: string[] = [];
    for (const root of roots) {
      for (const [nodeId, node] of Object.entries(await states(root))) {
        if (nodeId !== root && node.state === 'FINISHED' && /_s\d$/.test(nodeId))
          completed.push(`${nodeId}@${node.version}`);
      }
    }
    expect(completed).toHaveLength(PIPELINES * STEPS);
    expect(completed.filter((attempt) => runs.get(attempt) !== 1)).toEqual([]);
    // An attempt the kill interrupted (failed, then retried under a new version) is the only other execute.
    expect(executes().length).toBe(PIPELINES * STEPS + retried.size);
    await server.stop('SIGTERM');
  }, 120_000);
});
