import type { ComponentCatalog, ComponentDefinition, ComponentHookName, ComponentService } from '@bamboo/engine';
import { conformanceCatalog } from '../conformance/test-components';
import { plain, TreeKit } from '../conformance/tree-kit';
import { InMemoryHarness } from './in-memory-harness';

const calls: string[] = [];
const OPERATOR_HOOKS: ComponentHookName[] = [
  'prePauseNode',
  'postPauseNode',
  'preRetryNode',
  'postRetryNode',
  'preSkipNode',
  'postSkipNode',
  'preForcedFailActivity',
  'postForcedFailActivity',
  'preCallback',
  'postCallback',
];

/** Fails unless `ok`, waits for a callback when `wait`; every operator hook records, `preSkipNode` throws. */
function hookedService(): ComponentService {
  const service: ComponentService = {
    execute: (data) => data.inputs.ok === true,
    schedule: () => true,
    finishSchedule: () => undefined,
    isScheduleFinished: () => true,
    setupRuntimeAttrs: () => undefined,
  };
  for (const name of OPERATOR_HOOKS) {
    service[name] = (data, _parent, callback) => {
      calls.push(`${name}${callback ? `(${JSON.stringify(callback.data)})` : ''}:${String(data.outputs._result)}`);
      if (name === 'preSkipNode') throw new Error('hook exploded');
      data.outputs.touched = true;
      return true;
    };
  }
  return service;
}

function catalog(): ComponentCatalog {
  const base = conformanceCatalog();
  const hooked = (code: string, needSchedule: boolean): ComponentDefinition => ({
    code,
    version: 'legacy',
    name: code,
    needSchedule,
    multiCallbackEnabled: false,
    needRunHook: true,
    createInterval: () => null,
    createService: hookedService,
  });
  const extra = [hooked('hooked', false), hooked('hooked_wait', true)];
  return { ...base, findComponent: (c, v) => extra.find((d) => d.code === c) ?? base.findComponent(c, v) };
}

describe('hooks around operator commands (spec 08 §3.2, §4)', () => {
  beforeEach(() => calls.splice(0));

  it('runs the read-only component hooks and the runtime hook events; a throwing hook changes nothing', async () => {
    const events: string[] = [];
    const h = new InMemoryHarness({
      catalog: catalog(),
      settings: { enablePipelineEventSignals: true },
      signals: {
        emit: (name, payload) => {
          if (name === 'pipeline_event') events.push((payload as { event: { event_type: string } }).event.event_type);
        },
      },
    });
    const k = new TreeKit()
      .start()
      .act('n', 'hooked', { ok: plain(false) })
      .end()
      .chain('start', 'n', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    await h.engine.retryNode(k.id('n'), { data: { ok: false } });
    await h.runUntilIdle();
    await h.engine.skipNode(k.id('n'));
    await h.runUntilIdle();
    expect(calls).toEqual(['preRetryNode:false', 'postRetryNode:false', 'preSkipNode:false', 'postSkipNode:false']);
    expect(events.filter((e) => /^(pre|post)_(retry|skip)/.test(e))).toEqual([
      'pre_retry_node',
      'post_retry_node',
      'pre_skip_node',
      'post_skip_node',
    ]);
    expect(await h.engine.getExecutionDataOutputs(k.id('n'))).not.toHaveProperty('touched');
    expect((await h.engine.getPipelineStates(tree.id))[tree.id]?.state).toBe('FINISHED');
  });

  it('passes the stored callback record to the callback hooks and runs the forced-fail hooks', async () => {
    const h = new InMemoryHarness({ catalog: catalog() });
    const k = new TreeKit()
      .start()
      .act('w', 'hooked_wait', { ok: plain(true) })
      .end()
      .chain('start', 'w', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    await h.engine.forcedFailActivity(k.id('w'), 'stop');
    await h.engine.retryNode(k.id('w'));
    await h.runUntilIdle();
    const { version } = await h.engine.getNodeState(k.id('w'));
    await h.engine.callback(k.id('w'), version, { n: 1 });
    await h.runUntilIdle();
    expect(calls).toEqual([
      'preForcedFailActivity:true',
      'postForcedFailActivity:true',
      'preRetryNode:true',
      'postRetryNode:true',
      'preCallback({"n":1}):true',
      'postCallback({"n":1}):true',
    ]);
    expect((await h.engine.getPipelineStates(tree.id))[tree.id]?.state).toBe('FINISHED');
  });
});
