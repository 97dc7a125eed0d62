import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataObject } from '@bamboo/engine';
import { Component } from '../component.decorator';
import { ComponentRegistry } from '../registry';
import { Service } from '../service';
import { runComponent } from '../testing';
import { COMPONENT_REGISTRY, ComponentFrameworkModule } from './component-framework.module';

@Injectable()
class Greeter {
  greet(who: string): string {
    return `hello ${who}`;
  }
}

let constructed = 0;

@Component({ code: 'nest_greet', name: 'Greet', registerIgnore: true })
class GreetService extends Service {
  readonly serial = ++constructed;

  constructor(private readonly greeter: Greeter) {
    super();
  }

  execute(data: DataObject): boolean {
    data.outputs.text = `${this.greeter.greet(data.getOneOfInputs<string>('who'))} (${this.name ?? 'unnamed'})`;
    return true;
  }
}

describe('ComponentFrameworkModule', () => {
  it('builds components through Nest: injected dependencies, a fresh instance per call', async () => {
    const registry = new ComponentRegistry();
    const moduleRef = await Test.createTestingModule({
      imports: [ComponentFrameworkModule.forRoot({ components: [GreetService], providers: [Greeter], registry })],
    }).compile();

    expect(moduleRef.get(COMPONENT_REGISTRY)).toBe(registry);
    expect(moduleRef.get(ComponentRegistry)).toBe(registry);
    const definition = registry.findComponent('nest_greet', 'legacy')!;
    const first = (await definition.createService('node one')) as GreetService;
    const second = (await definition.createService('node two')) as GreetService;
    expect(first).toBeInstanceOf(GreetService);
    expect(first).not.toBe(second);
    expect(second.serial).toBeGreaterThan(first.serial);
    expect(first.name).toBe('node one');

    const data = new DataObject({ who: 'ann' });
    expect(first.execute(data)).toBe(true);
    expect(data.outputs.text).toBe('hello ann (node one)');

    const run = await runComponent(definition, { inputs: { who: 'bob' }, nodeName: 'n' });
    expect(run).toMatchObject({ state: 'FINISHED', outputs: { text: 'hello bob (n)' } });
    await moduleRef.close();
  });
});
