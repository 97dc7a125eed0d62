import type { PipelineTree } from '@bamboo/engine';
import { lazy, plain, splice, TreeKit } from '@bamboo/testing';

/** Where `BAMBOO_COMPONENT_MODULES` points in tests: the package entry, as an absolute path. */
export const PACKAGE_ENTRY = require.resolve('../src/index.ts');

export const ORDER_LINES = [
  { sku: 'tea', quantity: 2, unitPrice: 3.1 },
  { sku: 'cup', quantity: 3, unitPrice: 0.7 },
];

export interface ExamplePipeline {
  tree: PipelineTree;
  kit: TreeKit;
}

/**
 * start → demo_order_total → demo_batch_export → demo_audit_end: the batch export exports as many
 * rows as the order has items, into a file named by the `demo_slug` lazy variable.
 */
export function examplePipeline(batchSize = 2): ExamplePipeline {
  const kit = new TreeKit()
    .start()
    .act('total', 'demo_order_total', { lines: plain(ORDER_LINES), discount_percent: plain(10) })
    .act('export', 'demo_batch_export', {
      rows: splice('${item_count}'),
      batch_size: plain(batchSize),
      target: splice('${campaign}'),
    })
    .end('end', 'demo_audit_end')
    .chain('start', 'total', 'export', 'end');
  kit.vars({
    '${campaign}': lazy('Summer Sale 2024!', 'demo_slug'),
    '${item_count}': { type: 'plain', value: 0, source_act: kit.id('total'), source_key: 'item_count' },
  });
  const tree = kit.build();
  // TreeKit writes legacy components; the example package registers version 1.0.
  for (const name of ['total', 'export']) {
    const node = tree.activities[kit.id(name)] as { component: { version?: string } };
    node.component.version = '1.0';
  }
  return { tree, kit };
}
