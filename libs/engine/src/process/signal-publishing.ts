import type { PipelineEventDataMap, PipelineEvent, PipelineEventType, SignalMap, SignalName } from '@bamboo/signals';
import type { EngineServices } from './engine-services';

/** One signal waiting to be published (after the commit that caused it). */
export type EngineSignal = { [K in SignalName]: { name: K; payload: SignalMap[K] } }[SignalName];

type PublishingServices = Pick<EngineServices, 'signals' | 'logger'>;

/**
 * Publishes one signal now. A failing listener is logged and swallowed: signals report what
 * happened and must never change it (spec 08 §1.2, §1.5).
 */
export async function publishSignal(services: PublishingServices, signal: EngineSignal): Promise<void> {
  try {
    await services.signals.emit(signal.name, signal.payload);
  } catch (error) {
    services.logger.warn('signal listener failed', { signal: signal.name, error: String(error) });
  }
}

/** A `pipeline_event` signal for one engine hook event of spec 08 §4. */
export function pipelineEventSignal<T extends PipelineEventType>(
  eventType: T,
  data: PipelineEventDataMap[T],
): EngineSignal {
  // The mapped union cannot be narrowed from a generic `T`; the pairing is checked by the signature.
  return { name: 'pipeline_event', payload: { event: { event_type: eventType, data } as PipelineEvent } };
}

/**
 * Publishes an engine hook event now when `enablePipelineEventSignals` is on (spec 08 §6.3), for
 * "pre" events that precede a write and events of commands that publish outside a step.
 */
export async function publishPipelineEvent<T extends PipelineEventType>(
  services: Pick<EngineServices, 'signals' | 'logger' | 'settings'>,
  eventType: T,
  data: PipelineEventDataMap[T],
): Promise<void> {
  if (!services.settings.enablePipelineEventSignals) return;
  await publishSignal(services, pipelineEventSignal(eventType, data));
}
