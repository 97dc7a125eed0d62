import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { OnSignal, SignalBus, type PostSetStatePayload } from '@bamboo/signals';
import { SignalsModule } from './signals.module';

@Injectable()
class StateWatcher {
  readonly seen: string[] = [];

  @OnSignal('post_set_state')
  onState(payload: PostSetStatePayload): void {
    this.seen.push(`${payload.node_id}:${payload.to_state}`);
  }

  @OnSignal('post_set_state')
  explode(): void {
    throw new Error('listener bug');
  }

  @OnSignal('pipeline_finished')
  async onFinished(payload: { pipeline_id: string }): Promise<void> {
    await Promise.resolve();
    this.seen.push(`finished:${payload.pipeline_id}`);
  }
}

describe('SignalsModule', () => {
  it('registers @OnSignal methods of providers; a throwing listener does not propagate', async () => {
    const bus = new SignalBus({ logger: { error: jest.fn() } });
    const moduleRef = await Test.createTestingModule({
      imports: [SignalsModule.forRoot({ bus })],
      providers: [StateWatcher],
    }).compile();
    await moduleRef.init();

    expect(moduleRef.get(SignalBus)).toBe(bus);
    const watcher = moduleRef.get(StateWatcher);
    await expect(
      bus.emit('post_set_state', {
        node_id: 'n1',
        to_state: 'RUNNING',
        version: 'v',
        root_id: 'p',
        parent_id: 'p',
        loop: 1,
      }),
    ).resolves.toBeUndefined();
    await bus.emit('pipeline_finished', { pipeline_id: 'p', version: 'v' });

    expect(watcher.seen).toEqual(['n1:RUNNING', 'finished:p']);
    expect(bus.errorCount('post_set_state')).toBe(1);
    await moduleRef.close();
  });

  it('creates its own bus when none is given', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SignalsModule.forRoot()] }).compile();
    await moduleRef.init();
    expect(moduleRef.get(SignalBus)).toBeInstanceOf(SignalBus);
    await moduleRef.close();
  });
});
