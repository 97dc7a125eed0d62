import {
  Component,
  ComponentRegistry,
  DuplicateRegistrationError,
  loadComponentModules,
  parseComponentModules,
  registerBuiltinComponents,
  Service,
} from '@bamboo/component-framework';
import { InMemoryHarness, outputsOf, stateNames } from '@bamboo/testing';
import { auditLog } from '../src';
import { examplePipeline, PACKAGE_ENTRY } from './example-pipeline';

/** What a host does at start: read `BAMBOO_COMPONENT_MODULES` and load the listed modules. */
function registryFromEnv(env: Record<string, string | undefined>): ComponentRegistry {
  const registry = new ComponentRegistry();
  registerBuiltinComponents(registry);
  // jest's require transpiles the TypeScript entry; in production Node's require loads dist/index.js.
  loadComponentModules(parseComponentModules(env.BAMBOO_COMPONENT_MODULES), registry, { requireFn: require });
  return registry;
}

describe('bamboo-example-components loaded through BAMBOO_COMPONENT_MODULES', () => {
  const env = { BAMBOO_COMPONENT_MODULES: ` ${PACKAGE_ENTRY} ` };

  it('registers both components, the lazy variable and the end event next to the built-ins', () => {
    const registry = new ComponentRegistry();
    const loaded = loadComponentModules(parseComponentModules(env.BAMBOO_COMPONENT_MODULES), registry, {
      requireFn: require,
    });
    // The order of a module's exports is the transpiler's business, so the lists are compared sorted.
    expect(loaded.map((module) => ({ ...module, components: [...module.components].sort() }))).toEqual([
      {
        specifier: PACKAGE_ENTRY,
        components: ['demo_batch_export@1.0', 'demo_order_total@1.0'],
        variables: ['demo_slug'],
        endEvents: ['demo_audit_end'],
      },
    ]);
    expect(registryFromEnv(env).codes().sort()).toEqual([
      'bamboo_http_request',
      'bamboo_sleep_timer',
      'bamboo_wait_callback',
      'demo_batch_export',
      'demo_order_total',
      'example_component',
    ]);
  });

  it('runs a pipeline using both components, the lazy variable and the end event to FINISHED', async () => {
    const h = new InMemoryHarness({ catalog: registryFromEnv(env) });
    const { tree, kit } = examplePipeline();
    const auditedBefore = auditLog.length;

    await h.engine.runPipeline(tree, { rootPipelineData: { prefix: 'shop' } });
    await h.settle();

    expect(await stateNames(h, tree.id)).toEqual({
      [tree.id]: 'FINISHED',
      [kit.id('start')]: 'FINISHED',
      [kit.id('total')]: 'FINISHED',
      [kit.id('export')]: 'FINISHED',
      [kit.id('end')]: 'FINISHED',
    });
    expect(await outputsOf(h, kit.id('total'))).toMatchObject({ item_count: 5, total_cents: 747, _result: true });
    expect(await outputsOf(h, kit.id('export'))).toMatchObject({
      location: 'exports/shop-summer-sale-2024.csv',
      exported: 5,
      batches: 3,
      _result: true,
    });
    expect(auditLog.slice(auditedBefore)).toEqual([{ rootPipelineId: tree.id, pipelineStack: [tree.id] }]);
  });

  it('fails fast at load time when a module registers a (code, version) that is taken, naming the clash', () => {
    @Component({ code: 'demo_order_total', version: '1.0', name: 'Another order total', registerIgnore: true })
    class AnotherOrderTotal extends Service {
      execute(): boolean {
        return true;
      }
    }
    const registry = new ComponentRegistry();
    registry.register(AnotherOrderTotal);
    const load = () => loadComponentModules([PACKAGE_ENTRY], registry, { requireFn: require });
    expect(load).toThrow(DuplicateRegistrationError);
    expect(load).toThrow(
      'duplicate component (code "demo_order_total", version "1.0"): OrderTotalService clashes with already registered AnotherOrderTotal',
    );
  });
});
