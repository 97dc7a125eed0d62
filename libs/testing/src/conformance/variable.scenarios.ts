import type { ConformanceHarness } from './conformance-harness';
import { contextValue, inputsOf, outputsOf, stateNames } from './scenario-helpers';
import { lazy, plain, splice, TreeKit } from './tree-kit';

export function variableScenarios(harness: () => ConformanceHarness): void {
  it('hydrates plain, splice and lazy variables transitively', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { s: splice('${greeting}'), l: lazy('${name}', 'upper'), p: plain('${name}') });
    k.end().chain('start', 'a', 'end');
    k.vars({ '${name}': plain('bob'), '${greeting}': splice('hi ${name}'), '${shout}': lazy('${greeting}', 'upper') });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await inputsOf(h, k.id('a'))).toMatchObject({ s: 'hi bob', l: 'BOB', p: '${name}' });
  });

  it('fails a node whose lazy variable raises and keeps missing references literal', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { x: splice('${bad} ${nope}') })
      .end()
      .chain('start', 'a', 'end');
    k.vars({ '${bad}': lazy('x', 'boom') });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[k.id('a')]).toBe('FAILED');
    expect(String((await outputsOf(h, k.id('a'))).ex_data)).toMatch(/^inputs hydrate failed\(/);
  });

  it('fails on a reference cycle', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { x: splice('${a}') })
      .end()
      .chain('start', 'a', 'end');
    k.vars({ '${a}': splice('${b}'), '${b}': splice('${a}') });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(String((await outputsOf(h, k.id('a'))).ex_data)).toContain('reference cycle');
  });

  it('freezes pre_render_keys at the start event', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { t1: splice('${t}') })
      .act('b', 'echo', { t2: splice('${t}') });
    k.end()
      .chain('start', 'a', 'b', 'end')
      .vars({ '${t}': lazy('', 'tick') })
      .preRenderKeys('${t}');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const frozen = await contextValue(h, tree.id, '${t}');
    expect(typeof frozen).toBe('number');
    expect((await outputsOf(h, k.id('a'))).t1).toBe(frozen);
    expect((await outputsOf(h, k.id('b'))).t2).toBe(frozen);
  });

  it('lets several nodes rewrite one output key (the latest wins)', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'echo', { v: plain('from a') })
      .act('b', 'echo', { v: plain('from b') });
    k.act('c', 'echo', { seen: splice('${last}') })
      .end()
      .chain('start', 'a', 'b', 'c', 'end');
    k.vars({
      '${last}': {
        type: 'plain',
        value: 'init',
        need_initialization: true,
        source_act: [
          { source_act: k.id('a'), source_key: 'v' },
          { source_act: k.id('b'), source_key: 'v' },
        ],
      },
    });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await outputsOf(h, k.id('c'))).seen).toBe('from b');
  });

  it('extracts outputs of a failed attempt into the context', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('a', 'fail_unless_ok', { ok: plain(false), note: plain('partial') })
      .end();
    k.chain('start', 'a', 'end').vars({
      '${note}': { type: 'plain', value: '', source_act: k.id('a'), source_key: 'note' },
    });
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await contextValue(h, tree.id, '${note}')).toBe('partial');
  });
}
