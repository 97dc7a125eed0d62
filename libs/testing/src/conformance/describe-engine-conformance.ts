import type { ConformanceHarness, ConformanceHarnessFactory } from './conformance-harness';
import { sequenceScenarios } from './sequence.scenarios';
import { conformanceCatalog } from './test-components';

/**
 * The engine conformance suite: the same scenarios against any runtime. `factory` builds a fresh
 * harness per test around the suite's component catalog.
 */
export function describeEngineConformance(name: string, factory: ConformanceHarnessFactory): void {
  describe(`engine conformance: ${name}`, () => {
    let current: ConformanceHarness | undefined;
    const harness = () => current!;

    beforeEach(async () => {
      current = await factory({ catalog: conformanceCatalog() });
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    describe('sequences, data and failures', () => sequenceScenarios(harness));
  });
}
