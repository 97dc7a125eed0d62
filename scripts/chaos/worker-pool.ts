import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type ChaosTarget, targetToEnv } from './chaos-env';
import type { WorkerMessage } from './worker-child';

interface Slot {
  child: ChildProcess;
  readyAt: number | undefined;
}

/** Two (or n) worker children that can be SIGKILLed and are restarted at once. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  kills = 0;
  boots = 0;
  bootFailures = 0;
  readonly healed = new Map<string, number>();
  private stopping = false;

  constructor(
    private readonly target: ChaosTarget,
    private readonly executeLog: string,
    size: number,
  ) {
    for (let index = 0; index < size; index++) this.slots.push(this.spawn());
  }

  async ready(timeoutMs: number): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      if (this.slots.every((slot) => slot.readyAt !== undefined)) return;
      await sleep(50);
    }
    throw new Error('workers did not boot in time');
  }

  /** SIGKILLs the worker that has been serving longest, if it has served at least `minUpMs`. */
  killOldest(minUpMs: number): boolean {
    const now = Date.now();
    const candidates = this.slots
      .map((slot, index) => ({ slot, index }))
      .filter(({ slot }) => slot.readyAt !== undefined && now - slot.readyAt >= minUpMs)
      .sort((a, b) => a.slot.readyAt! - b.slot.readyAt!);
    const victim = candidates[0];
    if (victim === undefined) return false;
    victim.slot.child.kill('SIGKILL');
    this.kills++;
    this.slots[victim.index] = this.spawn();
    return true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.slots.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  private spawn(): Slot {
    this.boots++;
    const child = fork(join(__dirname, 'worker-child.ts'), {
      execArgv: ['--require', join(__dirname, 'swc-register.js')],
      env: { ...process.env, ...targetToEnv(this.target), CHAOS_EXECUTE_LOG: this.executeLog },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child, readyAt: undefined };
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') slot.readyAt = Date.now();
      if (message.type === 'healed') {
        // Orphan cures and needs_operator reports (once per orphan): keep the detail to tell the cases apart.
        const detail = message.doctor === 'awake_orphan' && message.action !== 'fail' ? ` (${message.detail})` : '';
        const key = `${message.doctor}/${message.action}${detail}`;
        this.healed.set(key, (this.healed.get(key) ?? 0) + 1);
      }
    });
    child.on('exit', (code, signal) => {
      // A crash we did not cause would hide behind the restarts: count it and replace the worker.
      if (this.stopping || signal === 'SIGKILL') return;
      this.bootFailures++;
      const index = this.slots.indexOf(slot);
      if (index >= 0 && code !== 0) this.slots[index] = this.spawn();
    });
    return slot;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
