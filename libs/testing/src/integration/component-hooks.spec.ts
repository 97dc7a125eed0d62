import { outputsOf, stateNames, stateOf, TreeKit } from '../conformance';
import { plain } from '../conformance/tree-kit';
import { hookCalls, hookedRegistry } from './support/hook-components';
import { SignallingHarness } from './support/signalling-harness';

async function runOne(code: string, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const h = new SignallingHarness({ catalog: hookedRegistry() });
  const wrapped = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, plain(value)]));
  const k = new TreeKit().start().act('a', code, wrapped, extra).end().chain('start', 'a', 'end');
  const tree = k.build();
  hookCalls.length = 0;
  await h.engine.runPipeline(tree);
  await h.runUntilIdle();
  return { h, k, tree, nodeId: k.id('a') };
}

/** Delivers one callback to the node waiting in its schedule, then runs what follows. */
async function callBack(h: SignallingHarness, rootId: string, nodeId: string, data: Record<string, unknown>) {
  const version = (await stateOf(h, rootId, nodeId))!.version;
  const { callbackDataId } = await h.engine.callback(nodeId, version, data);
  await h.runUntilIdle();
  return { version, callbackDataId };
}

const names = () => hookCalls.map((call) => call.name);

describe('component hooks in pipelines (spec 08 §3.2)', () => {
  it('success with one schedule: node_enter, pre_execute, execute, post_execute, pre_schedule, schedule, post_schedule, node_finish', async () => {
    const { h, tree, nodeId } = await runOne('hooked_callback', {});
    const { version, callbackDataId } = await callBack(h, tree.id, nodeId, { ok: 1 });
    expect(names()).toEqual([
      'nodeEnter',
      'preExecute',
      'execute',
      'postExecute',
      'preSchedule',
      'schedule',
      'postSchedule',
      'nodeFinish',
    ]);
    // On the schedule path node_finish receives the stored callback record.
    expect(hookCalls.at(-1)!.callback).toEqual({ id: callbackDataId, node_id: nodeId, version, data: { ok: 1 } });
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FINISHED');
  });

  it('execute throws, not ignored: ..., execute, node_execute_exception, node_execute_fail', async () => {
    const { h, tree, nodeId } = await runOne('hooked', { fail: 'execute' });
    expect(names()).toEqual(['nodeEnter', 'preExecute', 'execute', 'nodeExecuteException', 'nodeExecuteFail']);
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FAILED');
  });

  it('execute throws, error ignored: ..., node_execute_exception, node_finish', async () => {
    const { h, tree, nodeId } = await runOne('hooked', { fail: 'execute' }, { error_ignorable: true });
    expect(names()).toEqual(['nodeEnter', 'preExecute', 'execute', 'nodeExecuteException', 'nodeFinish']);
    expect(await stateOf(h, tree.id, nodeId)).toMatchObject({ state: 'FINISHED', error_ignored: true });
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
  });

  it('schedule throws, not ignored: ..., schedule, node_schedule_exception, node_schedule_fail with the callback', async () => {
    const { h, tree, nodeId } = await runOne('hooked_callback', { fail: 'schedule' });
    const { version, callbackDataId } = await callBack(h, tree.id, nodeId, { n: 2 });
    expect(names()).toEqual([
      'nodeEnter',
      'preExecute',
      'execute',
      'postExecute',
      'preSchedule',
      'schedule',
      'nodeScheduleException',
      'nodeScheduleFail',
    ]);
    const record = { id: callbackDataId, node_id: nodeId, version, data: { n: 2 } };
    expect(hookCalls.slice(-2).map((call) => call.callback)).toEqual([record, record]);
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FAILED');
  });

  it('schedule throws, error ignored: ..., node_schedule_exception, node_finish', async () => {
    const { h, tree, nodeId } = await runOne('hooked_callback', { fail: 'schedule' }, { error_ignorable: true });
    expect((await stateNames(h, tree.id))[nodeId]).toBe('RUNNING');
    await callBack(h, tree.id, nodeId, {});
    expect(names().slice(-3)).toEqual(['schedule', 'nodeScheduleException', 'nodeFinish']);
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
  });

  it('saves data changes of hooks returning true, drops those of hooks returning false', async () => {
    const { h, nodeId } = await runOne('hooked', { rejectPostExecute: true });
    const outputs = await outputsOf(h, nodeId);
    expect(outputs).toMatchObject({ entered: true, executed: true, finished_by_hook: true, _result: true });
    expect(outputs).not.toHaveProperty('rejected');
  });

  it('a throwing hook never changes the outcome, and its data changes are dropped', async () => {
    const { h, tree, nodeId } = await runOne('hooked', { brokenFinish: true });
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FINISHED');
    expect(await outputsOf(h, nodeId)).not.toHaveProperty('finished_by_hook');
  });

  it('dispatches no hook to a component that did not opt in', async () => {
    const { h, tree } = await runOne('example_component', {});
    expect(hookCalls).toEqual([]);
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
  });
});
