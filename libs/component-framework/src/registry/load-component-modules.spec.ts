import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ComponentModuleLoadError } from '../errors';
import { ComponentRegistry } from './component-registry';
import { defaultRegistry } from './default-registry';
import { loadComponentModules, parseComponentModules } from './load-component-modules';

describe('loadComponentModules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bamboo-components-'));
    writeFileSync(path.join(dir, 'broken.js'), "throw new Error('syntax of the day');\n");
    writeFileSync(path.join(dir, 'plain.js'), 'module.exports = { helper: () => 1 };\n');
    mkdirSync(path.join(dir, 'node_modules', 'acme-components'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'acme-components', 'index.js'), 'module.exports = {};\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses BAMBOO_COMPONENT_MODULES', () => {
    expect(parseComponentModules(' ./a.js, pkg ,,')).toEqual(['./a.js', 'pkg']);
    expect(parseComponentModules(undefined)).toEqual([]);
  });

  it('loads a module so that its decorators register, and reports what it exported', () => {
    const registry = new ComponentRegistry();
    const fixture = path.join(__dirname, 'fixtures', 'sample-components.fixture.ts');
    // jest's require transpiles the TypeScript fixture and shares this test's module registry.
    const loaded = loadComponentModules([fixture], registry, { requireFn: require });
    expect(loaded).toEqual([
      {
        specifier: fixture,
        components: ['fixture_component@1.0'],
        variables: ['fixture_var'],
        endEvents: ['FixtureEndEvent'],
      },
    ]);
    expect(registry.findComponent('fixture_component', '1.0')).toBeDefined();
    expect(registry.has('fixture_hidden')).toBe(false);
    expect(registry.findLazyVariable('fixture_var')).toBeDefined();
    expect(registry.endEventTypes()).toEqual(['FixtureEndEvent']);
    expect(defaultRegistry.findComponent('fixture_component', '1.0')).toBeDefined();
    expect(loadComponentModules([fixture], defaultRegistry, { requireFn: require })[0]!.components).toEqual([
      'fixture_component@1.0',
    ]);
  });

  it('resolves relative paths and package names from cwd with Node require', () => {
    const loaded = loadComponentModules(['./plain.js', 'acme-components'], new ComponentRegistry(), { cwd: dir });
    expect(loaded.map((m) => m.components)).toEqual([[], []]);
  });

  it('names the module that failed to load', () => {
    const load = (spec: string) => () => loadComponentModules([spec], new ComponentRegistry(), { cwd: dir });
    expect(load('./broken.js')).toThrow(ComponentModuleLoadError);
    expect(load('./broken.js')).toThrow('cannot load component module "./broken.js": syntax of the day');
    expect(load('./missing.js')).toThrow(/^cannot load component module "\.\/missing\.js": Cannot find module/);
    expect(load('no-such-package')).toThrow(/cannot load component module "no-such-package"/);
    try {
      load('./broken.js')();
    } catch (error) {
      expect((error as ComponentModuleLoadError).code).toBe('COMPONENT_MODULE_LOAD_FAILED');
    }
  });
});
