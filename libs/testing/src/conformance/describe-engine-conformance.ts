import type { EngineSettings } from '@bamboo/engine';
import type { ConformanceHarness, ConformanceHarnessFactory } from './conformance-harness';
import { gatewayScenarios } from './gateway.scenarios';
import { loopScenarios } from './loop.scenarios';
import { operatorScenarios } from './operator.scenarios';
import { rollbackDisabledScenarios, rollbackErrorScenarios } from './rollback-errors.scenarios';
import { rollbackScenarios } from './rollback.scenarios';
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
    const block = (title: string, scenarios: Scenarios, settings?: Partial<EngineSettings>) =>
      describe(title, () => scenarios(harnessPerTest(factory, settings)));

    block('sequences, data and failures', sequenceScenarios);
    block('gateways, fork and join', gatewayScenarios);
    block('subprocesses and end events', subprocessScenarios);
    block('polls and callbacks', scheduleScenarios);
    block('loops and re-entry', loopScenarios);
    block('variables and outputs', variableScenarios);
    block('operator commands and reads', operatorScenarios);
    block('rollback', rollbackScenarios, { enableRollback: true });
    block('rollback: refused calls', rollbackErrorScenarios, { enableRollback: true });
    block('rollback: disabled', rollbackDisabledScenarios);
  });
}

type Scenarios = (harness: () => ConformanceHarness) => void;

/** A fresh harness per test of the enclosing block, built with that block's engine settings. */
function harnessPerTest(
  factory: ConformanceHarnessFactory,
  settings: Partial<EngineSettings> | undefined,
): () => ConformanceHarness {
  let current: ConformanceHarness | undefined;
  beforeEach(async () => {
    current = await factory({ catalog: conformanceCatalog(), settings });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => current!;
}
