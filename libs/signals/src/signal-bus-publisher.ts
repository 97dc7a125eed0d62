import type { SignalBus } from './signal-bus';
import type { SignalMap, SignalName } from './signal-map';

/**
 * The engine's `SignalPublisher` port over a `SignalBus` (structurally typed, so this file needs no
 * engine import). `emit` resolves once every handler ran, so the engine — which awaits it after
 * each commit — delivers signals synchronously in the step that caused them (spec 08 §1.1).
 *
 * It never rejects: the bus has already logged and counted a handler error, critical ones included,
 * and a listener must not change a node's outcome after its state was committed (spec 08 §1.2).
 */
export class SignalBusPublisher {
  constructor(readonly bus: SignalBus) {}

  async emit<K extends SignalName>(name: K, payload: SignalMap[K]): Promise<void> {
    try {
      await this.bus.emit(name, payload);
    } catch {
      /* already reported by the bus (critical handler); see the class comment */
    }
  }
}
