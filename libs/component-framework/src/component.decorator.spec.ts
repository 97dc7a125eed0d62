import { DataObject, EngineError, ScheduleType } from '@bamboo/engine';
import { Component } from './component.decorator';
import { COMPONENT_METADATA, getComponentMeta } from './component-meta';
import { ComponentDeclarationError } from './errors';
import { StaticIntervalGenerator } from './interval';
import { InputItem, OutputItem } from './items';
import { defaultRegistry } from './registry';
import { Service } from './service';

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

@Component({ code: 'fac_cal_comp', name: 'Factorial', version: '1.0.0' })
class FactorialService extends Service {
  execute(data: DataObject): boolean {
    const n = data.getOneOfInputs<number>('n');
    if (!Number.isInteger(n)) {
      data.outputs.ex_data = 'n must be an integer';
      return false;
    }
    data.outputs.factorial_of_n = factorial(n);
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [new InputItem({ name: 'integer n', key: 'n', type: 'int', required: true })];
  }

  override outputsFormat(): OutputItem[] {
    return [new OutputItem({ name: 'factorial of n', key: 'factorial_of_n', type: 'int' })];
  }
}

describe('@Component', () => {
  it('records normalised metadata and registers in the default registry', () => {
    const meta = getComponentMeta(FactorialService);
    expect(meta).toMatchObject({
      code: 'fac_cal_comp',
      name: 'Factorial',
      version: '1.0.0',
      isDefaultVersion: false,
      registerIgnore: false,
      form: null,
    });
    expect(Object.getOwnPropertyDescriptor(FactorialService, COMPONENT_METADATA)?.enumerable).toBe(false);
    expect(defaultRegistry.get('fac_cal_comp', '1.0.0')).toBe(FactorialService);
  });

  it('defaults the version to legacy and honours registerIgnore', () => {
    @Component({ code: 'ignored_comp', name: 'Ignored', registerIgnore: true })
    class IgnoredService extends Service {
      execute(): boolean {
        return true;
      }
    }
    expect(getComponentMeta(IgnoredService)?.version).toBe('legacy');
    expect(defaultRegistry.has('ignored_comp')).toBe(false);
  });

  it('does not let a subclass inherit the declaration', () => {
    class Derived extends FactorialService {}
    expect(getComponentMeta(Derived)).toBeUndefined();
  });

  it.each([
    [{ code: '', name: 'x' }, /code must be a non-empty string/],
    [{ code: 'x', name: '  ' }, /name must be a non-empty string/],
    [{ code: 'x', name: 'x', version: '' }, /version must be a non-empty string/],
  ])('rejects %j at declaration time, naming the class', (options, message) => {
    expect(() => {
      @Component(options)
      class BadService extends Service {
        execute(): boolean {
          return true;
        }
      }
      return BadService;
    }).toThrow(message);
    try {
      Component(options)(FactorialService);
    } catch (error) {
      expect(error).toBeInstanceOf(ComponentDeclarationError);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as Error).message).toContain('FactorialService');
    }
  });

  it('rejects a class that does not extend Service', () => {
    class NotAService {
      execute(): boolean {
        return true;
      }
    }
    expect(() => Component({ code: 'c', name: 'n' })(NotAService as never)).toThrow(
      '@Component on NotAService: the class must extend Service',
    );
  });
});

describe('Service base class', () => {
  class PollService extends Service {
    static override needSchedule = true;
    static override interval = () => new StaticIntervalGenerator(3);
    execute(): boolean {
      return true;
    }
  }

  it('defaults: schedule/rollback/hooks return true, formats empty, default outputs appended', async () => {
    const service = new FactorialService('my node');
    const data = new DataObject({});
    expect(service.name).toBe('my node');
    expect(await service.schedule(data, data, null)).toBe(true);
    expect(await service.rollback(data, data)).toBe(true);
    expect(service.nodeEnter(data, data)).toBe(true);
    expect(service.nodeScheduleFail(data, data, null)).toBe(true);
    expect(service.postCallback(data, data)).toBe(true);
    expect(service.outputs().map((item) => item.key)).toEqual(['factorial_of_n', '_result', '_loop', '_inner_loop']);
    expect(new PollService().inputs()).toEqual([]);
  });

  it('keeps the finish flag per instance', () => {
    const service = new PollService();
    expect(service.isScheduleFinished()).toBe(false);
    service.finishSchedule();
    expect(service.isScheduleFinished()).toBe(true);
    service.cleanStatus();
    expect(service.isScheduleFinished()).toBe(false);
    expect(new PollService().isScheduleFinished()).toBe(false);
  });

  it('throws a clear error when runtime is read before setupRuntimeAttrs()', () => {
    const service = new PollService();
    expect(() => service.runtime).toThrow(/PollService\.runtime was read before setupRuntimeAttrs\(\)/);
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    service.setupRuntimeAttrs({
      id: 'n',
      version: 'v',
      topPipelineId: 't',
      rootPipelineId: 'r',
      loop: 2,
      innerLoop: 1,
      logger,
    });
    expect(service.runtime).toMatchObject({ id: 'n', loop: 2 });
    service.logger.info('hi');
    expect(logger.info).toHaveBeenCalledWith('hi');
  });

  it('uses DataObject helpers from the engine (spec 07 §3)', () => {
    const data = new DataObject({ n: 5 });
    const service = new FactorialService();
    expect(service.execute(data)).toBe(true);
    expect(data.getOneOfOutputs('factorial_of_n')).toBe(120);
    expect(data.getOneOfInputs('missing', 'fallback')).toBe('fallback');
    data.updateOutputs({ extra: 1 });
    expect(JSON.parse(data.serializer())).toEqual({ inputs: { n: 5 }, outputs: { factorial_of_n: 120, extra: 1 } });
    const bad = new DataObject({ n: 'x' });
    expect(service.execute(bad)).toBe(false);
    expect(bad.outputs).toEqual({ ex_data: 'n must be an integer' });
    expect(ScheduleType.POLL).toBe(3);
  });
});
