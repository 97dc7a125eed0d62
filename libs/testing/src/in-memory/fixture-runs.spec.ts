import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { conformanceCatalog } from '../conformance/test-components';
import { stateNames } from '../conformance/scenario-helpers';
import { InMemoryHarness } from './in-memory-harness';

// CI clones the repository with `shared/` beside it.
const fixturesDir = path.resolve(__dirname, '../../../..', '../shared/fixtures/trees');
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.json') && !file.endsWith('.validated.json'));

describe('bamboo-engine fixture trees on the in-memory runtime', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures)(
    '%s runs to FINISHED',
    async (file) => {
      const tree = JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as { id: string };
      const h = new InMemoryHarness({ catalog: conformanceCatalog() });
      await h.engine.runPipeline(tree);
      await h.runUntilIdle();
      const states = await stateNames(h, tree.id);
      expect(states[tree.id]).toBe('FINISHED');
      const failed = Object.entries(states).filter(([, name]) => name !== 'FINISHED');
      expect(failed).toEqual([]);
    },
    60_000,
  );
});
