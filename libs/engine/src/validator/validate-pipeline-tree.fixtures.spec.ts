import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { PipelineTree } from '../model/pipeline-tree';
import { allowedStartNodeIds } from './start-position.rule';
import { validatePipelineTree } from './validate-pipeline-tree';

// CI clones the repository with `shared/` as a sibling of the clone.
const FIXTURES = join(__dirname, '../../../../../shared/fixtures/trees');

const names = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.validated.json'))
  .map((name) => name.replace(/\.json$/, ''));

function load(file: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
}

/** Every level of a tree, root first, keyed by pipeline id. */
function levels(tree: any, into = new Map<string, any>()): Map<string, any> {
  into.set(tree.id, tree);
  for (const node of Object.values<any>(tree.activities)) if (node.type === 'SubProcess') levels(node.pipeline, into);
  return into;
}

describe('validatePipelineTree on bamboo-engine fixtures', () => {
  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(names)('%s', (name) => {
    const raw = load(`${name}.json`);
    const expected = load(`${name}.validated.json`);
    let validated: PipelineTree;

    beforeAll(() => {
      validated = validatePipelineTree(raw);
    });

    it('derives the converge_gateway_id of every gateway as bamboo-engine does', () => {
      const ours = levels(validated);
      for (const [id, level] of levels(expected)) {
        for (const [gatewayId, gateway] of Object.entries<any>(level.gateways)) {
          expect([gatewayId, ours.get(id).gateways[gatewayId].converge_gateway_id]).toEqual([
            gatewayId,
            gateway.converge_gateway_id,
          ]);
        }
      }
    });

    it('normalises incoming lists as bamboo-engine does', () => {
      const ours = levels(validated);
      for (const [id, level] of levels(expected)) {
        const mine = ours.get(id);
        expect(mine.end_event.incoming).toEqual(level.end_event.incoming);
        for (const key of ['activities', 'gateways']) {
          for (const [nodeId, node] of Object.entries<any>(level[key])) {
            expect(mine[key][nodeId].incoming).toEqual(node.incoming);
          }
        }
      }
    });

    // The validated fixtures were dumped with sorted keys, so only map and list order is compared.
    it('produces the validated tree, map order kept, without touching the input', () => {
      expect(validated).toEqual(expected);
      const ours = levels(validated);
      for (const [id, level] of levels(raw)) {
        for (const key of ['activities', 'gateways', 'flows']) {
          expect(Object.keys(ours.get(id)[key])).toEqual(Object.keys(level[key]));
        }
      }
      expect(raw).toEqual(load(`${name}.json`));
    });

    it('allows starting at every main-line node it reports', () => {
      for (const nodeId of allowedStartNodeIds(validated)) {
        expect(() => validatePipelineTree(raw, { startNodeId: nodeId })).not.toThrow();
      }
    });
  });
});
