import type { DataObject, DataRecord } from '@bamboo/engine';
import {
  Component,
  InputItem,
  OutputItem,
  Service,
  StaticIntervalGenerator,
  StringItemSchema,
} from '@bamboo/component-framework';
import {
  describeComponent,
  failedCasesSummary,
  FakeClock,
  runComponent,
  runComponentCases,
  type ComponentTestCase,
} from '@bamboo/component-framework/testing';

const mailer = {
  send(to: string, text: string): string {
    return `real mail to ${to}: ${text}`;
  },
};

@Component({ code: 'kit_greeter', name: 'Greeter', registerIgnore: true })
class GreeterService extends Service {
  execute(data: DataObject, parentData: DataObject): boolean {
    const who = data.getOneOfInputs<string>('who');
    if (!who) {
      data.outputs.ex_data = 'who is required';
      return false;
    }
    data.outputs.greeting = `hello ${who} from ${parentData.getOneOfInputs<string>('team', 'nobody')}`;
    data.outputs.receipt = mailer.send(who, String(data.outputs.greeting));
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [new InputItem({ name: 'who', key: 'who', type: 'string', schema: new StringItemSchema() })];
  }

  override outputsFormat(): OutputItem[] {
    return [new OutputItem({ name: 'greeting', key: 'greeting', type: 'string' })];
  }
}

@Component({ code: 'kit_counter', name: 'Counter', registerIgnore: true })
class CounterPollService extends Service {
  static override needSchedule = true;
  static override interval = () => new StaticIntervalGenerator(10);

  execute(data: DataObject): boolean {
    data.outputs.polls = 0;
    return true;
  }

  override schedule(data: DataObject): boolean {
    const polls = Number(data.outputs.polls) + 1;
    data.outputs.polls = polls;
    data.outputs.at = this.now();
    if (polls >= Number(data.getOneOfInputs('target'))) this.finishSchedule();
    return polls < 10;
  }
}

@Component({ code: 'kit_multi', name: 'Multi', registerIgnore: true })
class MultiCallbackService extends Service {
  static override needSchedule = true;
  static override multiCallbackEnabled = true;

  execute(): boolean {
    return true;
  }

  override schedule(data: DataObject, _parent: DataObject, callbackData: DataRecord | null): boolean {
    const seen = (data.outputs.seen as unknown[] | undefined) ?? [];
    data.outputs.seen = [...seen, callbackData?.n];
    if (callbackData?.last) this.finishSchedule();
    return true;
  }
}

@Component({ code: 'kit_throws', name: 'Throws', registerIgnore: true })
class ThrowingService extends Service {
  execute(): boolean {
    throw new Error('exploded');
  }
}

const sendSpy = () => jest.spyOn(mailer, 'send');

describeComponent(GreeterService, [
  {
    name: 'greets with the parent team',
    inputs: { who: 'ann' },
    parentData: { team: 'ops' },
    patchers: [{ target: sendSpy, returnValue: 'sent' }],
    executeAssertion: { success: true, outputs: { greeting: 'hello ann from ops', receipt: 'sent' } },
  },
  {
    name: 'fails without who',
    inputs: {},
    executeAssertion: { success: false, outputs: { ex_data: 'who is required' } },
  },
]);

describeComponent(CounterPollService, [
  {
    name: 'polls until the target',
    inputs: { target: 2 },
    executeAssertion: { success: true, outputs: { polls: 0 } },
    scheduleAssertion: [
      { success: true, outputs: { polls: 1, at: Date.UTC(2024, 0, 1) }, scheduleFinished: false },
      { success: true, outputs: { polls: 2, at: Date.UTC(2024, 0, 1) + 10_000 }, scheduleFinished: true },
    ],
  },
]);

describe('runComponentCases', () => {
  it('runs every case and lists the failed ones with the spec message format', async () => {
    const spy = { current: undefined as jest.SpyInstance | undefined };
    const cases: ComponentTestCase[] = [
      {
        name: 'wrong outputs',
        inputs: { who: 'bob' },
        patchers: [{ target: () => (spy.current = sendSpy()), returnValue: 'ok' }],
        executeAssertion: { success: true, outputs: { greeting: 'hi' } },
      },
      {
        name: 'passes',
        inputs: { who: 'cy' },
        patchers: [{ target: () => (spy.current = sendSpy()), returnValue: 'ok' }],
        executeAssertion: { success: true, outputs: { greeting: 'hello cy from nobody', receipt: 'ok' } },
        executeCallAssertion: [{ mock: () => spy.current!, calls: [['cy', 'hello cy from nobody']] }],
      },
      {
        name: 'wrong call assertion',
        inputs: { who: 'dee' },
        patchers: [{ target: () => (spy.current = sendSpy()), sideEffect: () => 'side' }],
        executeAssertion: { success: true, outputs: { greeting: 'hello dee from nobody', receipt: 'side' } },
        executeCallAssertion: [{ mock: () => spy.current!, calls: [] }],
      },
    ];
    const reports = await runComponentCases(GreeterService, cases);
    expect(reports.map((r) => r.passed)).toEqual([false, true, false]);
    expect(reports[0]!.message).toMatch(/^\[GreeterService case 1\] - \[wrong outputs\] fail: execute outputs:/);
    expect(reports[2]!.message).toMatch(
      /^\[GreeterService case 3\] - \[wrong call assertion\] fail: execute call assertion 1/,
    );
    const summary = failedCasesSummary(GreeterService, reports)!;
    expect(summary).toContain('2 of 3 cases failed: case 1 [wrong outputs], case 3 [wrong call assertion]');
    expect(mailer.send('x', 'y')).toBe('real mail to x: y');
    expect(failedCasesSummary(GreeterService, [reports[1]!])).toBeNull();
  });

  it('reports an invalid schedule outcome and a patcher error side effect', async () => {
    const reports = await runComponentCases(CounterPollService, [
      {
        name: 'expects finish too early',
        inputs: { target: 3 },
        executeAssertion: { success: true, outputs: { polls: 0 } },
        scheduleAssertion: { success: true, outputs: { polls: 1, at: expect.any(Number) }, scheduleFinished: true },
      },
    ]);
    expect(reports[0]!.message).toContain('schedule 1 schedule finished');
    const thrown = await runComponentCases(GreeterService, [
      {
        name: 'mailer down',
        inputs: { who: 'x' },
        patchers: [{ target: sendSpy, sideEffect: new Error('smtp down') }],
        executeAssertion: {
          success: false,
          outputs: { greeting: 'hello x from nobody', ex_data: expect.stringContaining('smtp down') },
        },
      },
    ]);
    expect(thrown[0]!.passed).toBe(true);
  });
});

describe('runComponent', () => {
  it('runs an execute-only component', async () => {
    const run = await runComponent(GreeterService, { inputs: { who: 'eve' }, parentData: { team: 'dev' } });
    expect(run).toMatchObject({ state: 'FINISHED', success: true, mode: 'none', schedules: [] });
    expect(run.outputs.greeting).toBe('hello eve from dev');
  });

  it('drives polls with a fake clock and fresh instances', async () => {
    const clock = new FakeClock(1_000);
    const run = await runComponent(CounterPollService, { inputs: { target: 3 }, clock });
    expect(run.state).toBe('FINISHED');
    expect(run.mode).toBe('poll');
    expect(run.schedules.map((s) => [s.at, s.finished])).toEqual([
      [1_000, false],
      [11_000, false],
      [21_000, true],
    ]);
    expect(clock.now()).toBe(21_000);
  });

  it('stops after the poll limit with state RUNNING, and fails on a false schedule', async () => {
    expect((await runComponent(CounterPollService, { inputs: { target: 50 }, schedules: 3 })).state).toBe('RUNNING');
    const failed = await runComponent(CounterPollService, { inputs: { target: 50 } });
    expect(failed.state).toBe('FAILED');
    expect(failed.schedules).toHaveLength(10);
  });

  it('delivers multiple callbacks until finishSchedule()', async () => {
    const run = await runComponent(MultiCallbackService, { callbackData: [{ n: 1 }, { n: 2, last: true }, { n: 3 }] });
    expect(run).toMatchObject({ state: 'FINISHED', mode: 'multiple_callback', outputs: { seen: [1, 2] } });
    const waiting = await runComponent(MultiCallbackService, { callbackData: { n: 1 } });
    expect(waiting.state).toBe('RUNNING');
  });

  it('turns a throw into a failure with the stack trace as ex_data', async () => {
    const run = await runComponent(ThrowingService);
    expect(run.state).toBe('FAILED');
    expect(run.execute.error).toContain('exploded');
    expect(String(run.outputs.ex_data)).toMatch(/^Error: exploded\n\s+at /);
  });
});
