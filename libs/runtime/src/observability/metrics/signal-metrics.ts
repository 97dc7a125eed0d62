import type { SignalBus } from '@bamboo/signals';
import type { BambooMetrics } from './bamboo-metrics';

const watched = new WeakSet<SignalBus>();

/**
 * `bamboo_signal_handler_errors_total{signal}` from the bus's error listener and
 * `bamboo_engine_interrupt_total{kind,checkpoint}` from the interrupt signals (spec 08 §7.4.4),
 * so that whoever implements interrupts (09 §6.1) gets the counter by emitting the signal.
 */
export function watchSignalBus(bus: SignalBus, metrics: BambooMetrics): SignalBus {
  if (watched.has(bus)) return bus;
  watched.add(bus);
  bus.onHandlerError((signal) => metrics.inc('bamboo_signal_handler_errors_total', { signal }));
  bus.on('execute_interrupt', ({ event }) =>
    metrics.inc('bamboo_engine_interrupt_total', { kind: 'execute', checkpoint: event.name }),
  );
  bus.on('schedule_interrupt', ({ event }) =>
    metrics.inc('bamboo_engine_interrupt_total', { kind: 'schedule', checkpoint: event.name }),
  );
  return bus;
}
