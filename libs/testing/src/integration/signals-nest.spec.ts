import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SignalsModule } from '@bamboo/component-framework/nest';
import {
  OnSignal,
  SignalBus,
  SignalBusPublisher,
  type PipelineFinishedPayload,
  type PostSetStatePayload,
  type PreServiceExecutePayload,
} from '@bamboo/signals';
import { stateNames, TreeKit } from '../conformance';
import { hookedRegistry } from './support/hook-components';
import { SignallingHarness } from './support/signalling-harness';

@Injectable()
class RunWatcher {
  readonly states: string[] = [];
  readonly finished: string[] = [];
  readonly services: string[] = [];

  @OnSignal('post_set_state')
  onState(payload: PostSetStatePayload): void {
    this.states.push(`${payload.node_id}:${payload.to_state}`);
  }

  @OnSignal('pipeline_finished')
  async onFinished(payload: PipelineFinishedPayload): Promise<void> {
    await Promise.resolve();
    this.finished.push(payload.pipeline_id);
  }

  @OnSignal('pre_service_execute')
  onService(payload: PreServiceExecutePayload): void {
    this.services.push((payload.service as object).constructor.name);
  }

  @OnSignal('post_set_state')
  explode(): void {
    throw new Error('listener bug');
  }
}

describe('@OnSignal listeners of a Nest module receive the engine signals', () => {
  it('through the SignalBusPublisher that SignalsModule provides; a throwing listener fails nothing', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SignalsModule.forRoot({ bus: new SignalBus({ logger: { error: () => undefined } }) })],
      providers: [RunWatcher],
    }).compile();
    await moduleRef.init();
    const h = new SignallingHarness({ catalog: hookedRegistry(), signals: moduleRef.get(SignalBusPublisher) });
    const k = new TreeKit().start().act('a', 'example_component').end().chain('start', 'a', 'end');
    const tree = k.build();

    await h.engine.runPipeline(tree);
    await h.runUntilIdle();

    const watcher = moduleRef.get(RunWatcher);
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('a')]: 'FINISHED' });
    expect(watcher.states).toEqual(expect.arrayContaining([`${k.id('a')}:RUNNING`, `${k.id('a')}:FINISHED`]));
    expect(watcher.states.at(-1)).toBe(`${tree.id}:FINISHED`);
    expect(watcher.finished).toEqual([tree.id]);
    expect(watcher.services).toEqual(['ExampleComponentService']);
    expect(moduleRef.get(SignalBus).errorCount('post_set_state')).toBe(watcher.states.length);
    await moduleRef.close();
  });
});
