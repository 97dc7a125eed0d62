import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type PipelineTree } from '../model';
import { canonicaliseIds, regenerateIds } from '.';
import { allIds, brokenReferences, idsIn } from './tree-references.test-helper';

// CI clones the repository with `shared/` beside the clone.
const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/trees');
const FIXTURE_NAMES = [
  'one_node',
  'bench_normal_17',
  'bench_parallel_100x10',
  'nested_parallel_in_subprocess',
  'conditional_parallel_and_exclusive',
].flatMap((name) => [name, `${name}.validated`]);

function readFixture(name: string): PipelineTree {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as PipelineTree;
}

describe('regenerateIds (spec 02 §9.3)', () => {
  describe.each(FIXTURE_NAMES)('on fixture %s', (name) => {
    const template = readFixture(name);
    const templateJson = JSON.stringify(template);
    const { tree, idMap } = regenerateIds(template);

    it('gives every id a fresh, unique builder-format id and maps each old id', () => {
      const oldIds = allIds(template);
      expect(new Set(oldIds).size).toBe(oldIds.length);
      expect([...idMap.keys()].sort()).toEqual([...oldIds].sort());
      const newIds = allIds(tree);
      expect(new Set(newIds).size).toBe(newIds.length);
      expect(newIds.sort()).toEqual([...idMap.values()].sort());
      for (const id of newIds) expect(id).toMatch(/^[pef][0-9a-f]{32}$/);
      expect(tree.id.startsWith('p')).toBe(true);
      // No old id survives anywhere in the document.
      const survivors = idsIn(JSON.stringify(tree));
      expect(oldIds.filter((id) => survivors.has(id))).toEqual([]);
    });

    it('keeps the structure: equal to the template once ids are canonicalised', () => {
      expect(canonicaliseIds(tree)).toEqual(canonicaliseIds(template));
    });

    it('keeps every cross-reference consistent', () => {
      expect(brokenReferences(template)).toEqual([]);
      expect(brokenReferences(tree)).toEqual([]);
    });

    it('leaves the template untouched and shares no objects with it', () => {
      expect(JSON.stringify(template)).toBe(templateJson);
      expect(tree.data).not.toBe(template.data);
      expect(tree.start_event).not.toBe(template.start_event);
    });

    it('gives disjoint ids to two regenerations of the same template', () => {
      const again = regenerateIds(template).tree;
      const first = new Set(allIds(tree));
      expect(allIds(again).filter((id) => first.has(id))).toEqual([]);
    });
  });
});
