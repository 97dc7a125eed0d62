import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentRegistry } from '@bamboo/component-framework';
import { Engine } from '@bamboo/engine';
import { BambooModule, loadBambooConfig } from '@bamboo/runtime';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { examplePipeline, PACKAGE_ENTRY } from './example-pipeline';

const directory = mkdtempSync(join(tmpdir(), 'bamboo-example-components-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * BambooModule loads `BAMBOO_COMPONENT_MODULES` with Node's own `require`, which cannot read
 * TypeScript under jest. The package is loaded through jest first and a plain-JS module re-exporting
 * it stands in for the built `dist/index.js` a deployment would list.
 */
function builtEntryStandIn(): string {
  const key = '__bambooExampleComponents';
  (globalThis as Record<string, unknown>)[key] = jest.requireActual<Record<string, unknown>>(PACKAGE_ENTRY);
  const file = join(directory, 'bamboo-example-components.js');
  writeFileSync(file, `module.exports = globalThis.${key};\n`);
  return file;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('bamboo-example-components in BambooModule (embedded: SQLite + in-process queue)', () => {
  let app: INestApplicationContext | undefined;
  afterEach(async () => app?.close());

  it('loads the package from BAMBOO_COMPONENT_MODULES and runs the example pipeline to FINISHED', async () => {
    const env = {
      BAMBOO_DB_URL: `sqlite:${join(directory, 'bamboo.sqlite')}`,
      BAMBOO_COMPONENT_MODULES: builtEntryStandIn(),
    };
    const registry = new ComponentRegistry();
    const options = { ...loadBambooConfig(env), runWorkers: true, registry };
    app = await NestFactory.createApplicationContext(BambooModule.forRoot(options), { logger: false });
    const engine = app.get(Engine);
    expect(registry.has('demo_order_total', '1.0')).toBe(true);

    const { tree, kit } = examplePipeline(10);
    await engine.runPipeline(tree, { rootPipelineData: { prefix: 'shop' } });
    const rootState = async () => (await engine.getPipelineStates(tree.id))[tree.id]?.state;
    await until(async () => (await rootState()) === 'FINISHED', 'the run to finish');

    const children = (await engine.getPipelineStates(tree.id))[tree.id]!.children;
    expect(Object.fromEntries(Object.entries(children).map(([id, node]) => [id, node.state]))).toEqual({
      [kit.id('start')]: 'FINISHED',
      [kit.id('total')]: 'FINISHED',
      [kit.id('export')]: 'FINISHED',
      [kit.id('end')]: 'FINISHED',
    });
    expect(await engine.getExecutionDataOutputs(kit.id('export'))).toMatchObject({
      location: 'exports/shop-summer-sale-2024.csv',
      exported: 5,
      batches: 1,
    });
  });
});
