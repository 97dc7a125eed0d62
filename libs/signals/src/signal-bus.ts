import { payloadIds, type PayloadIds } from './payload-ids';
import type { SignalMap, SignalName } from './signal-map';

export type SignalHandler<K extends SignalName> = (payload: SignalMap[K]) => void | Promise<void>;

export interface SignalHandlerOptions {
  /**
   * A critical handler's error propagates out of `emit` (and stops later handlers), like a plain
   * bamboo-engine receiver; every other handler's error is logged and counted (spec 08 §1.2).
   */
  critical?: boolean;
}

/** Where handler errors are reported; the Nest integration passes its Logger, tests a spy. */
export interface SignalBusLogger {
  error(message: string, context: SignalErrorContext): void;
}

export interface SignalErrorContext extends PayloadIds {
  signal: SignalName;
  error: unknown;
}

/** Called for every swallowed or propagated handler error, e.g. to increment a Prometheus counter. */
export type SignalErrorListener = (signal: SignalName, error: unknown, ids: PayloadIds) => void;

export interface SignalBusOptions {
  logger?: SignalBusLogger;
}

interface Registration {
  handler: (payload: never) => void | Promise<void>;
  critical: boolean;
}

const consoleLogger: SignalBusLogger = {
  error: (message, context) => console.error(message, context.error),
};

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * In-process signal dispatcher: handlers of one signal run in registration order, async ones awaited
 * one by one, so a signal is fully handled when `emit` resolves (spec 08 §1, §6).
 */
export class SignalBus {
  private readonly handlers = new Map<SignalName, Registration[]>();
  private readonly errors = new Map<SignalName, number>();
  private readonly errorListeners: SignalErrorListener[] = [];
  private readonly logger: SignalBusLogger;

  constructor(options: SignalBusOptions = {}) {
    this.logger = options.logger ?? consoleLogger;
  }

  /** Registers a handler; returns a function that unregisters it. */
  on<K extends SignalName>(name: K, handler: SignalHandler<K>, options: SignalHandlerOptions = {}): () => void {
    const registration: Registration = { handler, critical: options.critical === true };
    const list = this.handlers.get(name) ?? [];
    list.push(registration);
    this.handlers.set(name, list);
    return () => {
      const current = this.handlers.get(name);
      const index = current?.indexOf(registration) ?? -1;
      if (current && index >= 0) current.splice(index, 1);
    };
  }

  async emit<K extends SignalName>(name: K, payload: SignalMap[K]): Promise<void> {
    // Copy so that a handler (un)registering during dispatch does not change this delivery.
    const registrations = [...(this.handlers.get(name) ?? [])];
    for (const registration of registrations) {
      try {
        await (registration.handler as SignalHandler<K>)(payload);
      } catch (error) {
        this.recordError(name, payload, error);
        if (registration.critical) throw error;
      }
    }
  }

  listenerCount(name: SignalName): number {
    return this.handlers.get(name)?.length ?? 0;
  }

  /** Handler errors seen so far for one signal, or for all signals when no name is given. */
  errorCount(name?: SignalName): number {
    if (name !== undefined) return this.errors.get(name) ?? 0;
    let total = 0;
    for (const count of this.errors.values()) total += count;
    return total;
  }

  /** Subscribes to handler errors (metrics export `bamboo_signal_handler_errors_total{signal}`). */
  onHandlerError(listener: SignalErrorListener): () => void {
    this.errorListeners.push(listener);
    return () => {
      const index = this.errorListeners.indexOf(listener);
      if (index >= 0) this.errorListeners.splice(index, 1);
    };
  }

  private recordError(signal: SignalName, payload: unknown, error: unknown): void {
    this.errors.set(signal, (this.errors.get(signal) ?? 0) + 1);
    const ids = payloadIds(payload);
    const where = [ids.pipelineId && `pipeline ${ids.pipelineId}`, ids.nodeId && `node ${ids.nodeId}`]
      .filter(Boolean)
      .join(', ');
    const message = `signal handler for ${signal}${where ? ` (${where})` : ''} failed: ${describe(error)}`;
    // Reporting must never break delivery, so logger and listener faults are contained too.
    try {
      this.logger.error(message, { signal, error, ...ids });
    } catch {
      /* a broken logger must not turn a handled error into an engine failure */
    }
    for (const listener of [...this.errorListeners]) {
      try {
        listener(signal, error, ids);
      } catch {
        /* same */
      }
    }
  }
}
