import { SignalBus, SignalBusPublisher, SIGNAL_NAMES, type SignalMap, type SignalName } from '@bamboo/signals';

export type Recorded = { [K in SignalName]: { name: K; payload: SignalMap[K] } }[SignalName];

/** A bus wired to the engine through `SignalBusPublisher`, with a listener on every signal name. */
export function recordingBus(): { bus: SignalBus; publisher: SignalBusPublisher; seen: Recorded[] } {
  const bus = new SignalBus({ logger: { error: () => undefined } });
  const seen: Recorded[] = [];
  for (const name of SIGNAL_NAMES) bus.on(name, (payload) => void seen.push({ name, payload } as Recorded));
  return { bus, publisher: new SignalBusPublisher(bus), seen };
}

/** `event_type`s of the recorded `pipeline_event`s for one node, in order. */
export function nodeEvents(seen: Recorded[], nodeId: string): string[] {
  return seen.flatMap((signal) => {
    if (signal.name !== 'pipeline_event') return [];
    const data = signal.payload.event.data as { node_id?: string };
    return data.node_id === nodeId ? [signal.payload.event.event_type] : [];
  });
}

/** `node_id:to_state` of the recorded `post_set_state`s, in order. */
export function stateWrites(seen: Recorded[]): string[] {
  return seen.flatMap((signal) =>
    signal.name === 'post_set_state' ? [`${signal.payload.node_id}:${signal.payload.to_state}`] : [],
  );
}
