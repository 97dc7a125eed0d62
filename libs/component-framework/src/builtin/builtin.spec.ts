import { runComponent, describeComponent, FakeClock, checkFormats } from '@bamboo/component-framework/testing';
import {
  BUILTIN_COMPONENTS,
  ExampleComponentService,
  registerBuiltinComponents,
  SleepTimerService,
  WaitCallbackService,
} from '.';
import { ComponentRegistry } from '../registry';

describe('built-in components', () => {
  it('have valid format declarations and register into another registry', async () => {
    for (const component of BUILTIN_COMPONENTS) expect(await checkFormats(component)).toEqual([]);
    const registry = new ComponentRegistry();
    registerBuiltinComponents(registry);
    expect(registry.codes()).toEqual([
      'example_component',
      'bamboo_sleep_timer',
      'bamboo_http_request',
      'bamboo_wait_callback',
    ]);
  });
});

describeComponent(ExampleComponentService, [
  { name: 'succeeds with no outputs', inputs: {}, executeAssertion: { success: true, outputs: {} } },
]);

describe('bamboo_sleep_timer', () => {
  it('finishes once the fake clock reaches the due time, polling every second', async () => {
    const clock = new FakeClock(Date.UTC(2024, 0, 1, 12, 0, 0));
    const run = await runComponent(SleepTimerService, { inputs: { seconds: 3 }, clock });
    expect(run.state).toBe('FINISHED');
    expect(run.outputs.due_at).toBe('2024-01-01T12:00:03.000Z');
    expect(run.schedules.map((s) => s.finished)).toEqual([false, false, false, true]);
    expect(clock.now()).toBe(Date.UTC(2024, 0, 1, 12, 0, 3));
  });

  it('accepts numeric strings and zero', async () => {
    const run = await runComponent(SleepTimerService, { inputs: { seconds: '0' } });
    expect(run.state).toBe('FINISHED');
    expect(run.schedules).toHaveLength(1);
  });

  it.each([[{}], [{ seconds: -1 }], [{ seconds: 'soon' }]])('fails on invalid input %j', async (inputs) => {
    const run = await runComponent(SleepTimerService, { inputs });
    expect(run.state).toBe('FAILED');
    expect(run.outputs.ex_data).toMatch(/^seconds must be a number >= 0/);
  });

  it('keeps waiting when the poll budget ends before the due time', async () => {
    const run = await runComponent(SleepTimerService, { inputs: { seconds: 3600 }, schedules: 5 });
    expect(run.state).toBe('RUNNING');
  });
});

describe('bamboo_wait_callback', () => {
  it('waits for the callback and outputs its data', async () => {
    const waiting = await runComponent(WaitCallbackService);
    expect(waiting).toMatchObject({ state: 'RUNNING', mode: 'callback' });
    const run = await runComponent(WaitCallbackService, { callbackData: { approved: true, by: 'ann' } });
    expect(run).toMatchObject({ state: 'FINISHED', outputs: { callback_data: { approved: true, by: 'ann' } } });
  });

  it('fails when the callback reports result false', async () => {
    const run = await runComponent(WaitCallbackService, { callbackData: { result: false, message: 'rejected' } });
    expect(run).toMatchObject({ state: 'FAILED', outputs: { ex_data: 'rejected' } });
  });
});
