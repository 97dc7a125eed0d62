import { EngineError, type LazyVariableArgs } from '@bamboo/engine';
import { Component } from '../component.decorator';
import { ComponentNotExistError, DuplicateRegistrationError } from '../errors';
import { EndEvent, ExecutableEndEvent, LazyVariable, Variable } from '../extensions';
import { DefaultIntervalGenerator, StaticIntervalGenerator } from '../interval';
import { InputItem } from '../items';
import { Service } from '../service';
import { ComponentRegistry } from './component-registry';
import { defaultRegistry } from './default-registry';
import { IsInt, Min } from 'class-validator';

class CountInputs {
  @IsInt()
  @Min(1)
  count!: number;
}

@Component({ code: 'reg_demo', name: 'Demo', registerIgnore: true })
class DemoLegacy extends Service {
  static override inputsSchema = CountInputs;
  execute(): boolean {
    return true;
  }
  override inputsFormat(): InputItem[] {
    return [new InputItem({ name: 'count', key: 'count', type: 'int' })];
  }
}

@Component({ code: 'reg_demo', name: 'Demo', version: '2.0', registerIgnore: true })
class DemoV2 extends Service {
  static override needSchedule = true;
  static override multiCallbackEnabled = true;
  execute(): boolean {
    return true;
  }
}

@Component({ code: 'reg_demo', name: 'Demo clash', registerIgnore: true })
class DemoClash extends Service {
  execute(): boolean {
    return true;
  }
}

@Component({ code: 'reg_poll', name: 'Poller', registerIgnore: true })
class Poller extends Service {
  static override needSchedule = true;
  static override interval = () => new StaticIntervalGenerator(5);
  execute(): boolean {
    return true;
  }
}

describe('ComponentRegistry', () => {
  let registry: ComponentRegistry;
  beforeEach(() => {
    registry = new ComponentRegistry();
    registry.register(DemoLegacy);
    registry.register(DemoV2);
    registry.register(Poller);
  });

  it('looks components up by (code, version) with legacy as default', () => {
    expect(registry.get('reg_demo')).toBe(DemoLegacy);
    expect(registry.get('reg_demo', '')).toBe(DemoLegacy);
    expect(registry.get('reg_demo', '2.0')).toBe(DemoV2);
    expect(registry.codes()).toEqual(['reg_demo', 'reg_poll']);
    expect(registry.versions('reg_demo')).toEqual(['legacy', '2.0']);
    expect(registry.versions('nope')).toEqual([]);
    expect(registry.list()).toEqual([DemoLegacy, DemoV2, Poller]);
  });

  it('throws ComponentNotExistError naming code and version', () => {
    expect(() => registry.get('reg_demo', '9.9')).toThrow('component reg_demo@9.9 does not exist');
    try {
      registry.get('missing');
    } catch (error) {
      expect(error).toBeInstanceOf(ComponentNotExistError);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as ComponentNotExistError).code).toBe('COMPONENT_NOT_FOUND');
      expect((error as ComponentNotExistError).details).toEqual({ code: 'missing', version: 'legacy' });
    }
    expect(registry.findComponent('missing', 'legacy')).toBeUndefined();
  });

  it('fails fast on a duplicate (code, version), naming both classes', () => {
    expect(() => registry.register(DemoClash)).toThrow(DuplicateRegistrationError);
    expect(() => registry.register(DemoClash)).toThrow(
      'duplicate component (code "reg_demo", version "legacy"): DemoClash clashes with already registered DemoLegacy',
    );
    expect(() => registry.register(DemoLegacy)).not.toThrow();
  });

  it('adapts classes to ComponentDefinition: fresh services and fresh generators', async () => {
    const definition = registry.findComponent('reg_poll', 'legacy')!;
    expect(definition).toMatchObject({ code: 'reg_poll', version: 'legacy', name: 'Poller', needSchedule: true });
    const a = await definition.createService('node a');
    const b = await definition.createService('node a');
    expect(a).toBeInstanceOf(Poller);
    expect(a).not.toBe(b);
    expect((a as Poller).name).toBe('node a');
    const g1 = definition.createInterval()!;
    g1.next();
    expect(definition.createInterval()!.count).toBe(0);
    expect(registry.findComponent('reg_demo', '2.0')).toMatchObject({ multiCallbackEnabled: true });
    expect(registry.findComponent('reg_demo', 'legacy')!.createInterval()).toBeNull();
  });

  it('copies a shared generator instance assigned to static interval', () => {
    @Component({ code: 'shared_gen', name: 'x', registerIgnore: true })
    class SharedGenerator extends Service {
      static override interval = new DefaultIntervalGenerator();
      execute(): boolean {
        return true;
      }
    }
    const definition = registry.register(SharedGenerator);
    const generator = definition.createInterval()!;
    expect(generator).toBeInstanceOf(DefaultIntervalGenerator);
    expect(generator).not.toBe(SharedGenerator.interval);
    expect(generator.next()).toBe(1);
    expect(SharedGenerator.interval.count).toBe(0);
  });

  it('accepts a custom service factory for DI hosts and keeps it on plain re-registration', async () => {
    const made = new DemoV2('from factory');
    registry.register(DemoV2, { createService: () => made });
    registry.register(DemoV2);
    expect(await registry.findComponent('reg_demo', '2.0')!.createService('x')).toBe(made);
  });

  it('checks inputs: required items and the class-validator schema', async () => {
    const definition = registry.findComponent('reg_demo', 'legacy')!;
    expect(await definition.checkInputs!({ count: 3 })).toEqual([]);
    expect(await definition.checkInputs!({})).toEqual(
      expect.arrayContaining(['count: required input "count" is missing']),
    );
    const problems = await definition.checkInputs!({ count: 0 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^count: count must not be less than 1/);
  });

  it('registers lazy variables and end events and rejects duplicates', async () => {
    @Variable({ code: 'upper', name: 'Upper case', registerIgnore: true })
    class UpperVariable extends LazyVariable {
      getValue(): unknown {
        return `${String(this.value).toUpperCase()}-${String(this.context.suffix)}-${String(this.pipelineData.who)}`;
      }
    }
    @Variable({ code: 'upper', name: 'Other', registerIgnore: true })
    class OtherUpper extends LazyVariable {
      getValue(): unknown {
        return null;
      }
    }
    const seen: unknown[] = [];
    @EndEvent({ type: 'NotifyEndEvent', registerIgnore: true })
    class NotifyEnd extends ExecutableEndEvent {
      execute(pipelineStack: string[], rootPipelineId: string): void {
        seen.push([pipelineStack, rootPipelineId]);
      }
    }
    registry.registerVariable(UpperVariable);
    registry.registerEndEvent(NotifyEnd);
    const args: LazyVariableArgs = {
      value: 'abc',
      context: { suffix: 's' },
      pipelineData: { who: 'me' },
      innerLoop: 1,
    };
    expect(registry.findLazyVariable('upper')!.getValue(args)).toBe('ABC-s-me');
    expect(registry.lazyVariables().map((v) => v.code)).toEqual(['upper']);
    expect(() => registry.registerVariable(OtherUpper)).toThrow(
      'duplicate variable code "upper": OtherUpper clashes with already registered UpperVariable',
    );
    await registry.findEndEvent('NotifyEndEvent')!.execute(['root', 'sub'], 'root');
    expect(seen).toEqual([[['root', 'sub'], 'root']]);
    expect(registry.endEventTypes()).toEqual(['NotifyEndEvent']);
    expect(registry.findEndEvent('Nope')).toBeUndefined();
  });

  it('validates extension declarations', () => {
    class Plain {}
    expect(() => Variable({ code: 'v', name: 'v' })(Plain as never)).toThrow(
      '@Variable on Plain: the class must extend LazyVariable',
    );
    expect(() =>
      EndEvent({ type: '' })(
        class X extends ExecutableEndEvent {
          execute(): void {}
        },
      ),
    ).toThrow('@EndEvent on X: type must be a non-empty string');
  });

  it('the default registry holds the built-ins once the package is imported', async () => {
    await import('..');
    expect(defaultRegistry.codes()).toEqual(
      expect.arrayContaining([
        'example_component',
        'bamboo_sleep_timer',
        'bamboo_http_request',
        'bamboo_wait_callback',
      ]),
    );
  });
});
