import type { ConformanceHarness } from './conformance-harness';
import { operatorAppointScenarios } from './operator-appoint.scenarios';
import { operatorErrorScenarios } from './operator-errors.scenarios';
import { operatorFailCallbackScenarios } from './operator-fail-callback.scenarios';
import { operatorPauseScenarios } from './operator-pause.scenarios';
import { operatorReadScenarios } from './operator-reads.scenarios';
import { operatorRetrySkipScenarios } from './operator-retry-skip.scenarios';

/** Operator commands and reads of spec 06 Part A, grouped by family. */
export function operatorScenarios(harness: () => ConformanceHarness): void {
  describe('pause, resume, revoke', () => operatorPauseScenarios(harness));
  describe('pause appointments', () => operatorAppointScenarios(harness));
  describe('retry and skip', () => operatorRetrySkipScenarios(harness));
  describe('forced fail, timeouts, callbacks, start position', () => operatorFailCallbackScenarios(harness));
  describe('refused commands', () => operatorErrorScenarios(harness));
  describe('reads', () => operatorReadScenarios(harness));
}
