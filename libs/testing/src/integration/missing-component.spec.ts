import type { ComponentCatalog } from '@bamboo/engine';
import { outputsOf, stateNames, stateOf, TreeKit } from '../conformance';
import { hookedRegistry } from './support/hook-components';
import { SignallingHarness } from './support/signalling-harness';

/** The registry, minus codes a test hides (a worker started without the module that defines them). */
function hidingCatalog(hidden: Set<string>): ComponentCatalog {
  const registry = hookedRegistry();
  return {
    findComponent: (code, version) => (hidden.has(code) ? undefined : registry.findComponent(code, version)),
    findLazyVariable: (code) => registry.findLazyVariable(code),
    findEndEvent: (type) => registry.findEndEvent(type),
    endEventTypes: () => registry.endEventTypes(),
  };
}

describe('a ServiceActivity whose component is not registered', () => {
  it('fails on execute with ex_data naming code and version; the engine keeps running', async () => {
    const h = new SignallingHarness({ catalog: hidingCatalog(new Set()) });
    const k = new TreeKit().start().act('a', 'no_such_component').end().chain('start', 'a', 'end');
    const tree = k.build();
    (tree.activities[k.id('a')] as { component: { version?: string } }).component.version = '2.1';
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FAILED' });
    expect((await outputsOf(h, k.id('a'))).ex_data).toBe('component no_such_component@2.1 does not exist');
  });

  it('reports the legacy version when the tree names none', async () => {
    const h = new SignallingHarness({ catalog: hidingCatalog(new Set()) });
    const k = new TreeKit().start().act('a', 'ghost').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    expect((await outputsOf(h, k.id('a'))).ex_data).toBe('component ghost@legacy does not exist');
  });

  it('fails on schedule the same way when the component disappeared after execute', async () => {
    const hidden = new Set<string>();
    const h = new SignallingHarness({ catalog: hidingCatalog(hidden) });
    const k = new TreeKit().start().act('a', 'hooked_callback').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    await h.runUntilIdle();
    const nodeId = k.id('a');
    hidden.add('hooked_callback');
    await h.engine.callback(nodeId, (await stateOf(h, tree.id, nodeId))!.version, { any: 1 });
    await h.runUntilIdle();
    expect((await stateNames(h, tree.id))[nodeId]).toBe('FAILED');
    expect(await outputsOf(h, nodeId)).toMatchObject({
      executed: true,
      ex_data: 'component hooked_callback@legacy does not exist',
    });
  });
});
