import { getOnSignalMetadata, ON_SIGNAL_METADATA, OnSignal } from './on-signal.decorator';

describe('@OnSignal', () => {
  it('records the signal names and options on the method only', () => {
    class Listener {
      @OnSignal('post_set_state')
      @OnSignal('pipeline_finished', { critical: true })
      handle(): void {}

      other(): void {}
    }
    expect(ON_SIGNAL_METADATA).toBe('bamboo:on-signal');
    expect(getOnSignalMetadata(Listener.prototype.handle)).toEqual([
      { signal: 'pipeline_finished', critical: true },
      { signal: 'post_set_state' },
    ]);
    expect(getOnSignalMetadata(Listener.prototype.other)).toEqual([]);
    expect(getOnSignalMetadata(undefined)).toEqual([]);
  });
});
