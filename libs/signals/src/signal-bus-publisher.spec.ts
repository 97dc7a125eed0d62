import { SignalBus } from './signal-bus';
import { SignalBusPublisher } from './signal-bus-publisher';
import type { PostSetStatePayload } from './signal-map';

const payload: PostSetStatePayload = {
  node_id: 'n1',
  to_state: 'FINISHED',
  version: 'v1',
  root_id: 'p1',
  parent_id: 'p1',
  loop: -1,
};

describe('SignalBusPublisher', () => {
  it('delivers to the bus and resolves only after async handlers finished', async () => {
    const bus = new SignalBus({ logger: { error: jest.fn() } });
    const seen: string[] = [];
    bus.on('post_set_state', async (received) => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(received.node_id);
    });
    await new SignalBusPublisher(bus).emit('post_set_state', payload);
    expect(seen).toEqual(['n1']);
  });

  it('never rejects, even for a critical handler; the bus still counts the error', async () => {
    const bus = new SignalBus({ logger: { error: jest.fn() } });
    bus.on(
      'post_set_state',
      () => {
        throw new Error('critical listener bug');
      },
      { critical: true },
    );
    await expect(new SignalBusPublisher(bus).emit('post_set_state', payload)).resolves.toBeUndefined();
    expect(bus.errorCount('post_set_state')).toBe(1);
  });
});
