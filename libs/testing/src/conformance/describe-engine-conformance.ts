import type { ConformanceHarness, ConformanceHarnessFactory } from './conformance-harness';
import { gatewayScenarios } from './gateway.scenarios';
import { loopScenarios } from './loop.scenarios';
import { operatorScenarios } from './operator.scenarios';
import { scheduleScenarios } from './schedule.scenarios';
import { sequenceScenarios } from './sequence.scenarios';
import { subprocessScenarios } from './subprocess.scenarios';
import { conformanceCatalog } from './test-components';
import { variableScenarios } from './variable.scenarios';

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
    describe('gateways, fork and join', () => gatewayScenarios(harness));
    describe('subprocesses and end events', () => subprocessScenarios(harness));
    describe('polls and callbacks', () => scheduleScenarios(harness));
    describe('loops and re-entry', () => loopScenarios(harness));
    describe('variables and outputs', () => variableScenarios(harness));
    describe('operator commands and reads', () => operatorScenarios(harness));
  });
}
