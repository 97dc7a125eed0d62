import { SleepTimerService, WaitCallbackService } from '@bamboo/component-framework';
import { deriveDomainEvents, SIGNAL_NAMES, type SignalMap, type SignalName } from '@bamboo/signals';
import { stateNames, stateOf, TreeKit } from '../conformance';
import { plain } from '../conformance/tree-kit';
import { hookedRegistry } from './support/hook-components';
import { nodeEvents, type Recorded, recordingBus, stateWrites } from './support/recording-publisher';
import { SignallingHarness } from './support/signalling-harness';

function setup(enablePipelineEventSignals = true) {
  const recording = recordingBus();
  deriveDomainEvents(recording.bus);
  const h = new SignallingHarness({
    catalog: hookedRegistry(),
    signals: recording.publisher,
    settings: { enablePipelineEventSignals },
  });
  return { h, ...recording };
}

function straight(code: string, inputs: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const wrapped = Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, plain(value)]));
  const k = new TreeKit().start().act('a', code, wrapped, extra).end().chain('start', 'a', 'end');
  return { k, tree: k.build() };
}

function only<K extends SignalName>(seen: Recorded[], name: K): Array<SignalMap[K]> {
  return seen.filter((signal) => signal.name === name).map((signal) => signal.payload as SignalMap[K]);
}

/** Every signal name any test of this file saw, for the coverage check at the end. */
const emitted = new Set<SignalName>();
function collect(seen: Recorded[]): void {
  for (const signal of seen) emitted.add(signal.name);
}

describe('signals emitted by the engine on the in-memory runtime (spec 08)', () => {
  it('post_set_state after every state write, with the ids, the new version and the loop passed to the write', async () => {
    const { h, seen } = setup();
    const { k, tree } = straight('example_component');
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    collect(seen);

    const [start, a, end, root] = [k.id('start'), k.id('a'), k.id('end'), tree.id];
    expect(stateWrites(seen).filter((write) => !write.startsWith(`${root}:RUNNING`))).toEqual([
      `${start}:RUNNING`,
      `${start}:FINISHED`,
      `${a}:RUNNING`,
      `${a}:FINISHED`,
      `${end}:RUNNING`,
      `${end}:FINISHED`,
      `${root}:FINISHED`,
    ]);
    const writes = only(seen, 'post_set_state');
    const version = (await stateOf(h, root, a))!.version;
    expect(writes.filter((w) => w.node_id === a)).toEqual([
      { node_id: a, to_state: 'RUNNING', version, root_id: root, parent_id: root, loop: 1 },
      { node_id: a, to_state: 'FINISHED', version, root_id: root, parent_id: root, loop: -1 },
    ]);
    expect(writes.at(-1)).toMatchObject({ node_id: root, to_state: 'FINISHED', root_id: root, loop: -1 });
    // Domain events derived by @bamboo/signals from the same writes (spec 08 §5).
    expect(only(seen, 'node_state_changed')).toEqual(writes);
    expect(only(seen, 'pipeline_finished')).toEqual([
      { pipeline_id: root, version: (await stateOf(h, root, root))!.version },
    ]);
    expect(only(seen, 'post_pipeline_finish')).toEqual([{ instance_id: root }]);
  });

  it('pre_service_execute just before execute with the service and the data objects about to be passed', async () => {
    const { h, seen, bus } = setup();
    const snapshots: unknown[] = [];
    bus.on('pre_service_execute', (payload) => {
      snapshots.push({ inputs: structuredClone(payload.data.inputs), outputs: structuredClone(payload.data.outputs) });
    });
    const { k, tree } = straight('bamboo_wait_callback', { note: 'hi' });
    await h.engine.runPipeline(tree, { rootPipelineData: { tenant: 'acme' } });
    await h.runUntilIdle();
    collect(seen);

    const [signal] = only(seen, 'pre_service_execute');
    expect(signal!.service).toBeInstanceOf(WaitCallbackService);
    expect(signal!.parent_data.inputs).toEqual({ tenant: 'acme' });
    expect(snapshots).toEqual([{ inputs: { note: 'hi', _loop: 1, _inner_loop: 1 }, outputs: {} }]);
    // The hook events around execute come first, in the order of the original's handler.
    expect(nodeEvents(seen, k.id('a'))).toEqual(['node_enter', 'pre_execute', 'post_execute']);
    const order = seen.map((s) => (s.name === 'pipeline_event' ? s.payload.event.event_type : s.name));
    expect(order.indexOf('pre_service_execute')).toBeGreaterThan(order.indexOf('pre_execute'));
    expect(order.indexOf('pre_service_execute')).toBeLessThan(order.indexOf('post_execute'));
  });

  it('pre_service_schedule with the stored callback record, or null for a poll', async () => {
    const { h, seen } = setup();
    const { k, tree } = straight('bamboo_wait_callback');
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const nodeId = k.id('a');
    const version = (await stateOf(h, tree.id, nodeId))!.version;
    const { callbackDataId } = await h.engine.callback(nodeId, version, { result: true, ticket: 7 });
    await h.runUntilIdle();

    const [signal] = only(seen, 'pre_service_schedule');
    expect(signal!.service).toBeInstanceOf(WaitCallbackService);
    expect(signal!.callback_data).toEqual({
      id: callbackDataId,
      node_id: nodeId,
      version,
      data: { result: true, ticket: 7 },
    });
    expect(nodeEvents(seen, nodeId)).toEqual([
      'node_enter',
      'pre_execute',
      'post_execute',
      'pre_callback',
      'post_callback',
      'pre_schedule',
      'post_schedule',
      'node_finish',
    ]);

    const poll = setup();
    const sleeper = straight('bamboo_sleep_timer', { seconds: 1 });
    await poll.h.engine.runPipeline(sleeper.tree);
    await poll.h.settle();
    const polls = only(poll.seen, 'pre_service_schedule');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((p) => p.service instanceof SleepTimerService && p.callback_data === null)).toBe(true);
    collect(seen);
    collect(poll.seen);
  });

  it('pipeline_event for every engine hook event of a run when enabled: node events, exceptions, failures, pipeline_finish', async () => {
    const { h, seen } = setup();
    const { k, tree } = straight('hooked', { fail: 'execute' });
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    collect(seen);

    const nodeId = k.id('a');
    expect(nodeEvents(seen, nodeId)).toEqual([
      'node_enter',
      'pre_execute',
      'node_execute_exception',
      'node_execute_fail',
    ]);
    const exception = only(seen, 'pipeline_event').find((p) => p.event.event_type === 'node_execute_exception');
    expect(exception!.event.data).toEqual({
      root_pipeline_id: tree.id,
      node_id: nodeId,
      ex_data: expect.stringContaining('execute exploded') as unknown,
    });
    expect(only(seen, 'activity_failed')).toEqual([
      {
        root_pipeline_id: tree.id,
        node_id: nodeId,
        version: (await stateOf(h, tree.id, nodeId))!.version,
        forced: false,
      },
    ]);

    const finished = setup();
    const ok = straight('example_component');
    await finished.h.engine.runPipeline(ok.tree);
    await finished.h.runUntilIdle();
    expect(only(finished.seen, 'pipeline_event').map((p) => p.event)).toContainEqual({
      event_type: 'pipeline_finish',
      data: { pipeline_id: ok.tree.id },
    });
    // node_finish is sent for every node type that is left successfully, not only activities.
    expect(nodeEvents(finished.seen, ok.k.id('start'))).toEqual(['node_finish']);
    collect(finished.seen);
  });

  it('publishes no pipeline_event when enablePipelineEventSignals is off (the default); other signals still flow', async () => {
    const { h, seen } = setup(false);
    const { tree } = straight('hooked', { fail: 'execute' });
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(only(seen, 'pipeline_event')).toEqual([]);
    expect(only(seen, 'post_set_state').length).toBeGreaterThan(0);
    expect(only(seen, 'pre_service_execute')).toHaveLength(1);
  });

  it('pipeline_revoked derived from the root REVOKED write of revoke_pipeline', async () => {
    const { h, seen } = setup();
    const { tree } = straight('bamboo_wait_callback');
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    await h.engine.revokePipeline(tree.id);
    collect(seen);
    expect(stateWrites(seen)).toContain(`${tree.id}:REVOKED`);
    expect(only(seen, 'pipeline_revoked')).toEqual([{ pipeline_id: tree.id }]);
    expect(only(seen, 'post_pipeline_revoke')).toEqual([{ instance_id: tree.id }]);
  });

  it('a throwing listener (even a critical one) never changes a node outcome; the bus counts the errors', async () => {
    const { h, bus, seen } = setup();
    bus.on('post_set_state', () => {
      throw new Error('listener bug');
    });
    bus.on(
      'pre_service_execute',
      () => {
        throw new Error('critical listener bug');
      },
      { critical: true },
    );
    const { k, tree } = straight('example_component');
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'FINISHED', [k.id('a')]: 'FINISHED' });
    expect(bus.errorCount('post_set_state')).toBe(stateWrites(seen).length);
    expect(bus.errorCount('pre_service_execute')).toBe(1);
  });

  it('emits every signal of spec 08 the engine owns; the rest belong to the runtime and extensions', () => {
    // Not engine signals: interrupts come from the runtime's recovery (09), periodic-task signals
    // from the periodic extension.
    const elsewhere: SignalName[] = [
      'execute_interrupt',
      'schedule_interrupt',
      'pre_periodic_task_start',
      'post_periodic_task_start',
      'periodic_task_start_failed',
    ];
    expect([...emitted].sort()).toEqual(SIGNAL_NAMES.filter((name) => !elsewhere.includes(name)).sort());
  });
});
