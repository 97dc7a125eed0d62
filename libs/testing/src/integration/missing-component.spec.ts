import type { ComponentCatalog } from '@bamboo/engine';
import { outputsOf, stateNames, stateOf, TreeKit } from '../conformance';
import { hookedRegistry } from './support/hook-components';
import { SignallingHarness } from './support/signalling-harness';

/**
 * The registry, minus codes a test hides (a worker started without the module that defines them);
 * a code in `standIns` is known (as `hooked_callback`) until it is hidden, so that the run is
 * accepted by an api process that has the module.
 */
function hidingCatalog(hidden: Set<string>, standIns = new Set<string>()): ComponentCatalog {
  const registry = hookedRegistry();
  return {
    findComponent: (code, version) => {
      if (hidden.has(code)) return undefined;
      return standIns.has(code)
        ? registry.findComponent('hooked_callback', 'legacy')
        : registry.findComponent(code, version);
    },
    findLazyVariable: (code) => registry.findLazyVariable(code),
    findEndEvent: (type) => registry.findEndEvent(type),
    endEventTypes: () => registry.endEventTypes(),
  };
}

describe('a ServiceActivity whose component is not registered', () => {
  it('is refused at submission (UNKNOWN_COMPONENT), nothing stored', async () => {
    const h = new SignallingHarness({ catalog: hidingCatalog(new Set()) });
    const k = new TreeKit().start().act('a', 'no_such_component').end().chain('start', 'a', 'end');
    const tree = k.build();
    await expect(h.engine.runPipeline(tree)).rejects.toMatchObject({
      code: 'UNKNOWN_COMPONENT',
      message: 'component no_such_component (version legacy) is not registered',
    });
    expect(await stateNames(h, tree.id)).toEqual({});
  });

  it('fails on execute, in a worker without it, with ex_data naming code and version; the engine keeps running', async () => {
    const hidden = new Set<string>();
    const h = new SignallingHarness({ catalog: hidingCatalog(hidden, new Set(['no_such_component'])) });
    const k = new TreeKit().start().act('a', 'no_such_component').end().chain('start', 'a', 'end');
    const tree = k.build();
    (tree.activities[k.id('a')] as { component: { version?: string } }).component.version = '2.1';
    await h.engine.runPipeline(tree);
    hidden.add('no_such_component');
    await h.runUntilIdle();
    expect(await stateNames(h, tree.id)).toMatchObject({ [tree.id]: 'RUNNING', [k.id('a')]: 'FAILED' });
    expect((await outputsOf(h, k.id('a'))).ex_data).toBe('component no_such_component@2.1 does not exist');
  });

  it('reports the legacy version when the tree names none', async () => {
    const hidden = new Set<string>();
    const h = new SignallingHarness({ catalog: hidingCatalog(hidden, new Set(['ghost'])) });
    const k = new TreeKit().start().act('a', 'ghost').end().chain('start', 'a', 'end');
    const tree = k.build();
    await h.engine.runPipeline(tree);
    hidden.add('ghost');
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
