import { deriveDomainEvents } from './domain-events';
import { SignalBus } from './signal-bus';
import type { PostSetStatePayload } from './signal-map';

function change(nodeId: string, toState: string): PostSetStatePayload {
  return { node_id: nodeId, to_state: toState, version: 'v', root_id: 'root', parent_id: 'root', loop: -1 };
}

describe('deriveDomainEvents', () => {
  it('derives pipeline_finished, pipeline_revoked, activity_failed and node_state_changed', async () => {
    const bus = new SignalBus({ logger: { error: jest.fn() } });
    const events: unknown[] = [];
    bus.on('pipeline_finished', (p) => void events.push(['finished', p]));
    bus.on('pipeline_revoked', (p) => void events.push(['revoked', p]));
    bus.on('activity_failed', (p) => void events.push(['failed', p]));
    bus.on('node_state_changed', (p) => void events.push(['changed', p.node_id, p.to_state]));
    deriveDomainEvents(bus, {
      describeFailedNode: (p) => ({ isServiceActivity: p.node_id !== 'gateway', forced: p.node_id === 'forced' }),
    });

    await bus.emit('post_set_state', change('root', 'FINISHED'));
    await bus.emit('post_set_state', change('root', 'REVOKED'));
    await bus.emit('post_set_state', change('forced', 'FAILED'));
    await bus.emit('post_set_state', change('gateway', 'FAILED'));
    await bus.emit('post_set_state', change('act', 'FINISHED'));

    expect(events).toEqual([
      ['changed', 'root', 'FINISHED'],
      ['finished', { pipeline_id: 'root', version: 'v' }],
      ['changed', 'root', 'REVOKED'],
      ['revoked', { pipeline_id: 'root' }],
      ['changed', 'forced', 'FAILED'],
      ['failed', { root_pipeline_id: 'root', node_id: 'forced', version: 'v', forced: true }],
      ['changed', 'gateway', 'FAILED'],
      ['changed', 'act', 'FINISHED'],
    ]);
  });
});
