import { SignalBus, type SignalBusLogger } from './signal-bus';
import { pipelineEvent, type PostSetStatePayload } from './signal-map';

const stateChange: PostSetStatePayload = {
  node_id: 'n1',
  to_state: 'FINISHED',
  version: 'v1',
  root_id: 'p1',
  parent_id: 'p1',
  loop: -1,
};

function silentLogger(): SignalBusLogger & { error: jest.Mock } {
  return { error: jest.fn() };
}

describe('SignalBus', () => {
  it('runs handlers in registration order, awaiting async ones one by one', async () => {
    const bus = new SignalBus({ logger: silentLogger() });
    const seen: string[] = [];
    bus.on('post_set_state', async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`a:${payload.node_id}`);
    });
    bus.on('post_set_state', (payload) => {
      seen.push(`b:${payload.to_state}`);
    });
    bus.on('pipeline_event', () => {
      seen.push('other signal');
    });
    await bus.emit('post_set_state', stateChange);
    expect(seen).toEqual(['a:n1', 'b:FINISHED']);
  });

  it('isolates a failing handler: later handlers run, the error is logged with ids and counted', async () => {
    const logger = silentLogger();
    const bus = new SignalBus({ logger });
    const after = jest.fn();
    const listener = jest.fn();
    bus.onHandlerError(listener);
    bus.on('post_set_state', () => {
      throw new Error('boom');
    });
    bus.on('post_set_state', async () => Promise.reject(new Error('async boom')));
    bus.on('post_set_state', after);

    await expect(bus.emit('post_set_state', stateChange)).resolves.toBeUndefined();

    expect(after).toHaveBeenCalledWith(stateChange);
    expect(bus.errorCount('post_set_state')).toBe(2);
    expect(bus.errorCount('pipeline_event')).toBe(0);
    expect(bus.errorCount()).toBe(2);
    expect(logger.error).toHaveBeenCalledTimes(2);
    const [message, context] = logger.error.mock.calls[0] as [string, Record<string, unknown>];
    expect(message).toContain('post_set_state');
    expect(message).toContain('node n1');
    expect(message).toContain('pipeline p1');
    expect(message).toContain('boom');
    expect(context).toMatchObject({ signal: 'post_set_state', nodeId: 'n1', pipelineId: 'p1' });
    expect(listener).toHaveBeenCalledWith('post_set_state', expect.any(Error), { nodeId: 'n1', pipelineId: 'p1' });
  });

  it('finds ids nested in pipeline_event payloads', async () => {
    const logger = silentLogger();
    const bus = new SignalBus({ logger });
    bus.on('pipeline_event', () => {
      throw new Error('x');
    });
    await bus.emit('pipeline_event', pipelineEvent('node_enter', { root_pipeline_id: 'root', node_id: 'act' }));
    expect(logger.error.mock.calls[0]?.[1]).toMatchObject({ nodeId: 'act', pipelineId: 'root' });
  });

  it('propagates the error of a critical handler and stops there', async () => {
    const bus = new SignalBus({ logger: silentLogger() });
    const after = jest.fn();
    bus.on(
      'execute_interrupt',
      () => {
        throw new Error('must stop');
      },
      { critical: true },
    );
    bus.on('execute_interrupt', after);
    const payload = {
      event: { name: 'execute', process_id: 1, node_id: 'n', exception: 'e', exception_traceback: 't' },
    };
    await expect(bus.emit('execute_interrupt', payload)).rejects.toThrow('must stop');
    expect(after).not.toHaveBeenCalled();
    expect(bus.errorCount('execute_interrupt')).toBe(1);
  });

  it('survives a broken logger and error listener', async () => {
    const bus = new SignalBus({
      logger: {
        error: () => {
          throw new Error('logger down');
        },
      },
    });
    bus.onHandlerError(() => {
      throw new Error('metrics down');
    });
    bus.on('pipeline_revoked', () => {
      throw new Error('handler');
    });
    await expect(bus.emit('pipeline_revoked', { pipeline_id: 'p' })).resolves.toBeUndefined();
  });

  it('unsubscribes handlers and error listeners', async () => {
    const bus = new SignalBus({ logger: silentLogger() });
    const handler = jest.fn();
    const off = bus.on('pipeline_finished', handler);
    expect(bus.listenerCount('pipeline_finished')).toBe(1);
    off();
    off();
    await bus.emit('pipeline_finished', { pipeline_id: 'p', version: 'v' });
    expect(handler).not.toHaveBeenCalled();
    expect(bus.listenerCount('pipeline_finished')).toBe(0);
  });

  it('does not deliver to handlers registered during the same emit', async () => {
    const bus = new SignalBus({ logger: silentLogger() });
    const late = jest.fn();
    bus.on('pipeline_revoked', () => {
      bus.on('pipeline_revoked', late);
    });
    await bus.emit('pipeline_revoked', { pipeline_id: 'p' });
    expect(late).not.toHaveBeenCalled();
  });
});
