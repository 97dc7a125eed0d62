import type { ConformanceHarness } from './conformance-harness';
import { contextValue, inputsOf, outputsOf, stateNames } from './scenario-helpers';
import { endEventCalls } from './test-components';
import { plain, splice, TreeKit } from './tree-kit';

export function subprocessScenarios(harness: () => ConformanceHarness): void {
  it('passes params in and outputs out through a subprocess nested twice', async () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('ia', 'echo', { v: splice('${p2}-in') })
      .end()
      .chain('start', 'ia', 'end');
    inner.vars({
      '${p2}': plain('default'),
      '${inner_out}': { type: 'plain', value: '', source_act: inner.id('ia'), source_key: 'v' },
    });
    inner.declareOutputs('${inner_out}');
    const middle = new TreeKit()
      .start()
      .sub('sp2', inner, { '${p2}': splice('${p1}+m') })
      .end()
      .chain('start', 'sp2', 'end');
    middle.vars({
      '${p1}': plain('unset'),
      '${mid_out}': { type: 'plain', value: '', source_act: middle.id('sp2'), source_key: '${inner_out}' },
    });
    middle.declareOutputs('${mid_out}');
    const root = new TreeKit()
      .start()
      .sub('sp1', middle, { '${p1}': splice('${top}') })
      .act('after', 'echo', { got: splice('${result}') })
      .end();
    root.chain('start', 'sp1', 'after', 'end');
    root.vars({
      '${top}': plain('T'),
      '${result}': { type: 'plain', value: '', source_act: root.id('sp1'), source_key: '${mid_out}' },
    });
    root.declareOutputs('${result}');
    const tree = root.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states[tree.id]).toBe('FINISHED');
    for (const id of [root.id('sp1'), middle.id('sp2'), inner.id('ia'), inner.id('end')])
      expect(states[id]).toBe('FINISHED');
    expect(await inputsOf(h, inner.id('ia'))).toMatchObject({ v: 'T+m-in' });
    expect(await outputsOf(h, root.id('sp1'))).toEqual({ '${mid_out}': 'T+m-in', _loop: 1, _inner_loop: 1 });
    expect((await outputsOf(h, root.id('after'))).got).toBe('T+m-in');
    expect(await outputsOf(h, tree.id)).toEqual({ '${result}': 'T+m-in' });
    expect(await inputsOf(h, root.id('sp1'))).toEqual({ '${p1}': 'T' });
  });

  it('seeds subprocess_context into every subprocess and root_pipeline_context into the root', async () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('ia', 'echo', { tenant: splice('${tenant}') })
      .end()
      .chain('start', 'ia', 'end');
    const root = new TreeKit()
      .start()
      .sub('sp', inner)
      .act('b', 'echo', { who: splice('${who}') })
      .end()
      .chain('start', 'sp', 'b', 'end');
    const tree = root.build();
    await h.engine.runPipeline(tree, {
      subprocessContext: { '${tenant}': 'acme' },
      rootPipelineContext: { '${who}': 'ops' },
    });
    await h.runUntilIdle();
    expect((await outputsOf(h, inner.id('ia'))).tenant).toBe('acme');
    expect((await outputsOf(h, root.id('b'))).who).toBe('ops');
  });

  it('runs an executable end event, in the root and in a subprocess', async () => {
    const h = harness();
    endEventCalls.length = 0;
    const inner = new TreeKit().start().act('ia', 'echo').end('end', 'RecordingEndEvent').chain('start', 'ia', 'end');
    const root = new TreeKit()
      .start()
      .act('a', 'echo')
      .sub('sp', inner)
      .end('end', 'RecordingEndEvent')
      .chain('start', 'a', 'sp', 'end');
    const tree = root.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[tree.id]).toBe('FINISHED');
    expect(endEventCalls).toEqual([
      { type: 'RecordingEndEvent', stack: [tree.id, root.id('sp')], root: tree.id },
      { type: 'RecordingEndEvent', stack: [tree.id], root: tree.id },
    ]);
  });

  it('fails an executable end event that raises, inside a subprocess', async () => {
    const h = harness();
    const inner = new TreeKit().start().act('ia', 'echo').end('end', 'FailingEndEvent').chain('start', 'ia', 'end');
    const root = new TreeKit().start().sub('sp', inner).act('b', 'echo').end().chain('start', 'sp', 'b', 'end');
    const tree = root.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states[inner.id('end')]).toBe('FAILED');
    expect(states[root.id('sp')]).toBe('RUNNING');
    expect(states[root.id('b')]).toBeUndefined();
    expect(String((await outputsOf(h, inner.id('end'))).ex_data)).toContain('end event exploded');
  });

  it('runs nested parallel blocks inside a subprocess', async () => {
    const h = harness();
    const inner = new TreeKit().start().gateway('pg', 'ParallelGateway').gateway('cg', 'ConvergeGateway').end();
    inner
      .gateway('pg2', 'ParallelGateway')
      .gateway('cg2', 'ConvergeGateway')
      .act('x', 'echo')
      .act('y', 'echo')
      .act('z', 'echo');
    inner.chain('start', 'pg').chain('pg', 'pg2').chain('pg2', 'x', 'cg2').chain('pg2', 'y', 'cg2').chain('cg2', 'cg');
    inner.chain('pg', 'z', 'cg').chain('cg', 'end');
    const root = new TreeKit().start().sub('sp', inner).end().chain('start', 'sp', 'end');
    const tree = root.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const states = await stateNames(h, tree.id);
    expect(states[tree.id]).toBe('FINISHED');
    expect(Object.values(states).every((s) => s === 'FINISHED')).toBe(true);
    expect(Object.keys(states)).toHaveLength(13);
    expect(await contextValue(h, root.id('sp'), '${missing}')).toBeUndefined();
  });
}
