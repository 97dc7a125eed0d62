import { conformanceCatalog } from '../conformance/test-components';
import { plain, splice, TreeKit } from '../conformance/tree-kit';
import { InMemoryHarness } from './in-memory-harness';

/** Port calls of a run of `n` sequential ServiceActivity nodes. */
async function callsFor(n: number, referencing: boolean): Promise<Record<string, number>> {
  const h = new InMemoryHarness({ catalog: conformanceCatalog() });
  const k = new TreeKit().start();
  const names = Array.from({ length: n }, (_, i) => `n${i}`);
  for (const name of names) k.act(name, 'echo', { v: referencing ? splice('${x}') : plain(1) });
  k.end()
    .chain('start', ...names, 'end')
    .vars({ '${x}': plain('x') });
  await h.engine.runPipeline(k.build());
  await h.runUntilIdle();
  return h.runtime.calls;
}

// ADR 0003 documents these numbers: the durable runtime turns each call into SQL statements.
describe('port calls per executed ServiceActivity (steady state)', () => {
  it.each([
    [false, { loadExecuteStep: 1, commit: 1, readContext: 0 }],
    [true, { loadExecuteStep: 1, commit: 1, readContext: 1 }],
  ])('with references=%s', async (referencing, perNode) => {
    const small = await callsFor(10, referencing);
    const large = await callsFor(30, referencing);
    const per = (method: string) => ((large[method] ?? 0) - (small[method] ?? 0)) / 20;
    expect({ loadExecuteStep: per('loadExecuteStep'), commit: per('commit'), readContext: per('readContext') }).toEqual(
      perNode,
    );
    expect(large.loadRunDefinition).toBe(1);
  });
});
