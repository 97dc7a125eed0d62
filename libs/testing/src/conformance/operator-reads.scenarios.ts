import type { ConformanceHarness } from './conformance-harness';
import { start, versionOf } from './operator-helpers';
import { plain, splice, TreeKit } from './tree-kit';

export function operatorReadScenarios(harness: () => ConformanceHarness): void {
  it('reads children states, data, debug info and execution times', async () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('i', 'echo', { v: splice('${p}') })
      .end()
      .chain('start', 'i', 'end');
    inner.vars({ '${p}': plain('d') });
    const k = new TreeKit()
      .start()
      .sub('sp', inner, { '${p}': plain('P') })
      .act('w', 'wait_callback')
      .end();
    const tree = await start(h, k.chain('start', 'sp', 'w', 'end'));
    const children = await h.engine.getChildrenStates(k.id('sp'));
    expect(children[k.id('sp')]).toMatchObject({ state: 'FINISHED', parent_id: tree.id });
    expect(Object.keys(children[k.id('sp')]!.children).sort()).toEqual(
      [inner.id('start'), inner.id('i'), inner.id('end')].sort(),
    );
    expect(await h.engine.getChildrenStates('no-such-node')).toEqual({});
    expect(await h.engine.getData(inner.id('i'))).toEqual({
      inputs: { v: { need_render: true, value: '${p}' } },
      outputs: {},
    });
    await expect(h.engine.getData(k.id('end'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.engine.getExecutionData('no-such-node')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.engine.getExecutionDataOutputs('no-such-node')).toEqual({});
    const debug = await h.engine.getNodeDebugInfo(k.id('w'));
    expect(debug).toMatchObject({ node: { id: k.id('w'), type: 'ServiceActivity' }, state: { name: 'RUNNING' } });
    expect((await h.engine.getNodeDebugInfo('no-such-node')).err).toHaveLength(3);
    const pipeline = await h.engine.getPipelineDebugInfo(tree.id);
    expect(pipeline.processes.length).toBeGreaterThan(0);
    await h.advance(30);
    const running = await h.engine.getNodeExecutionTime(k.id('w'));
    expect(running).toMatchObject({ state: 'RUNNING', archived_time: null });
    expect(running.execution_time).toBeGreaterThanOrEqual(30);
    await h.engine.callback(k.id('w'), await versionOf(h, tree.id, k.id('w')), {});
    await h.runUntilIdle();
    const finished = await h.engine.getPipelineExecutionTime(tree.id);
    expect(finished.state).toBe('FINISHED');
    expect(finished.execution_time).toBeGreaterThanOrEqual(30);
    await expect(h.engine.getNodeExecutionTime('no-such-node')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('previews node inputs through a subprocess stack without running anything', () => {
    const h = harness();
    const inner = new TreeKit()
      .start()
      .act('i', 'echo', { v: splice('${p}!'), k: plain(1) })
      .end();
    inner.chain('start', 'i', 'end').vars({ '${p}': plain('d') });
    const k = new TreeKit()
      .start()
      .sub('sp', inner, { '${p}': splice('${top}-${extra}') })
      .end();
    k.chain('start', 'sp', 'end').vars({ '${top}': plain('T'), '${extra}': plain('x') });
    const tree = k.build();
    expect(h.engine.previewNodeInputs(tree, k.id('sp'))).toEqual({ '${p}': 'T-x' });
    const preview = h.engine.previewNodeInputs(tree, inner.id('i'), {
      subprocessStack: [k.id('sp')],
      parentParams: { '${extra}': 'given' },
    });
    expect(preview).toEqual({ v: 'T-given!', k: 1 });
    expect(() => h.engine.previewNodeInputs(tree, k.id('end'))).toThrow(
      expect.objectContaining({ code: 'INVALID_OPERATION' }),
    );
  });

  it('reads the log of an attempt; a forced fail moves it to the new version', async () => {
    const h = harness();
    const k = new TreeKit()
      .start()
      .act('n', 'log_then_wait', { tag: plain('A') })
      .end()
      .chain('start', 'n', 'end');
    const tree = await start(h, k);
    const first = await versionOf(h, tree.id, k.id('n'));
    expect(await h.engine.getPlainLogForNode(k.id('n'))).toBe('started A\nwaiting for a callback');
    await h.engine.forcedFailActivity(k.id('n'), 'stop');
    expect(await h.engine.getPlainLogForNode(k.id('n'), { version: first })).toBe('');
    expect(await h.engine.getPlainLogForNode(k.id('n'))).toBe('started A\nwaiting for a callback');
    await h.engine.retryNode(k.id('n'), { data: { tag: 'B' } });
    await h.runUntilIdle();
    expect(await h.engine.getPlainLogForNode(k.id('n'))).toBe('started B\nwaiting for a callback');
    const [history] = await h.engine.getHistories(k.id('n'));
    expect(await h.engine.getPlainLogForNode(k.id('n'), { historyId: history!.id })).toBe(
      'started A\nwaiting for a callback',
    );
    expect(await h.engine.getPlainLogForNode('no-such-node')).toBe('');
  });
}
