import { Worker } from 'node:worker_threads';

/** What one checkpoint did: `PRAGMA wal_checkpoint` answers busy, WAL frames, frames copied. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * The thread's program, a constant of this module (no outside input reaches it). It is passed as
 * source rather than as a file so that the same code runs from `dist` and under ts-jest, which
 * has no compiled file to point a Worker at. It opens its own connection to the database file
 * and runs a PASSIVE checkpoint every `intervalMs`, posting each result; a failed one is retried
 * on the next tick (the WAL keeps every page until a checkpoint copies it).
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage(result);
  } catch {}
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * SQLite WAL checkpoints on a thread of their own (ADR 0004): a checkpoint copies the WAL's pages
 * into the database file, a few to tens of milliseconds of CPU and writes that, run from a timer on
 * the main thread, stalled every step and request of an embedded process meanwhile. WAL mode lets
 * a second connection checkpoint while the product's connection reads and writes; PASSIVE never
 * waits for either.
 */
export class SqliteCheckpointThread {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<(result: CheckpointResult) => void>();

  /**
   * @param onFailure called should the thread fail (its connection could not open, say) with what
   *   it threw (a driver error arrives as a plain object of its properties): the caller checkpoints
   *   some other way; nothing is lost meanwhile.
   */
  constructor(path: string, intervalMs: number, onFailure: (error: unknown) => void) {
    this.worker = new Worker(PROGRAM, {
      eval: true,
      workerData: { path, intervalMs, driver: require.resolve('better-sqlite3') },
    });
    this.worker.unref();
    this.worker.on('message', (result: CheckpointResult) => {
      for (const listener of this.listeners) listener(result);
    });
    this.worker.on('error', onFailure);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Calls `listener` with every checkpoint's result until it returns true. */
  watch(listener: (result: CheckpointResult) => boolean): void {
    const once = (result: CheckpointResult) => {
      if (listener(result)) this.listeners.delete(once);
    };
    this.listeners.add(once);
  }

  /** Stops the timer and closes the thread's connection; resolves once the thread has exited. */
  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    const timeout = setTimeout(() => void this.worker.terminate(), 5000);
    try {
      await this.exited;
    } finally {
      clearTimeout(timeout);
    }
  }
}
