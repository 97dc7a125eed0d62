import { NOOP_LOGGER, type Clock, type Logger } from '@bamboo/engine';
import type { DataSource } from 'typeorm';
import { LogEntryEntity } from '../persistence';
import type { Gate } from './serial-gate';
import { RawTable } from './raw-table';

const FLUSH_LINES = 100;
const FLUSH_MS = 200;

type Level = 'debug' | 'info' | 'warn' | 'error';

/**
 * Node logs (spec 09 §9): lines logged with `nodeId` and `version` in their meta are stored as
 * `eri_log_entry` rows, batched (every 200 ms or 100 lines) so that logging never adds a statement
 * to a step. Readers and relabelling commits flush first, so they see every line logged before.
 */
export class NodeLogWriter {
  private buffer: Array<Partial<LogEntryEntity>> = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: Gate,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** A logger that forwards to `base` and stores node lines. */
  logger(base: Logger = NOOP_LOGGER, loggerName = 'component'): Logger {
    const at = (level: Level) => (message: string, meta?: Record<string, unknown>) => {
      base[level](message, meta);
      const { nodeId, version, loop } = meta ?? {};
      if (typeof nodeId !== 'string' || typeof version !== 'string') return;
      this.add({
        nodeId,
        version,
        loop: typeof loop === 'number' ? loop : 1,
        loggerName,
        levelName: level.toUpperCase(),
        message,
        loggedAt: this.clock.now(),
      });
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }

  /** Writes every buffered line; resolves when they are stored (or reported as lost). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (rows.length === 0) return;
      try {
        const m = this.dataSource.manager;
        await this.gate.run(() => RawTable.of(m, LogEntryEntity).insert(m, rows));
      } catch (error) {
        this.onError(error);
      }
    });
    return this.flushing;
  }

  private add(row: Partial<LogEntryEntity>): void {
    this.buffer.push(row);
    if (this.buffer.length >= FLUSH_LINES) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }
}
