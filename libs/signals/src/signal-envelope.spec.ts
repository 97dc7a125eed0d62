import { toSignalEnvelope } from './signal-envelope';

class SomeService {
  secret = () => 1;
}

describe('toSignalEnvelope', () => {
  it('reduces services and exceptions to {class, message} and keeps data JSON-safe', () => {
    const data = { inputs: { n: 1n, when: new Date(0) }, outputs: {} as Record<string, unknown> };
    data.outputs.self = data;
    const envelope = toSignalEnvelope(
      'pre_service_execute',
      { service: new SomeService(), data, parent_data: { inputs: {}, outputs: { err: new TypeError('bad') } } },
      'worker-1',
      new Date(Date.UTC(2024, 0, 1)),
    );
    expect(envelope).toEqual({
      signal: 'pre_service_execute',
      hostname: 'worker-1',
      emitted_at: '2024-01-01T00:00:00.000Z',
      payload: {
        service: { class: 'SomeService', message: null },
        data: { inputs: { n: '1', when: '1970-01-01T00:00:00.000Z' }, outputs: { self: '[Circular]' } },
        parent_data: { inputs: {}, outputs: { err: { class: 'TypeError', message: 'bad' } } },
      },
    });
    expect(() => JSON.stringify(envelope)).not.toThrow();
  });
});
