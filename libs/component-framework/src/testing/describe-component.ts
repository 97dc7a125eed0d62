import type { ComponentTarget } from './component-subject';
import { toSubject } from './component-subject';
import type { CaseReport, ComponentTestCase } from './component-test-case';
import { caseMessage, checkFormats, failedCasesSummary, runComponentCase } from './run-component-cases';
import { CaseAssertionError } from './case-assertions';

interface JestGlobals {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>) => void;
}

function jestGlobals(): JestGlobals {
  const g = globalThis as Partial<JestGlobals>;
  if (typeof g.describe !== 'function' || typeof g.it !== 'function') {
    throw new Error('describeComponent() must be called inside a jest test file; use runComponentCases() elsewhere');
  }
  return g as JestGlobals;
}

/**
 * Registers a jest suite for a component (spec 07 §7.3): one test for the format declarations, one
 * per case, and a last test failing with the list of every failed case.
 */
export function describeComponent(target: ComponentTarget, cases: ComponentTestCase[]): void {
  const { describe, it } = jestGlobals();
  const label = toSubject(target).label;
  const reports: CaseReport[] = [];
  describe(`component ${label}`, () => {
    it('declares valid input and output formats', async () => {
      const problems = await checkFormats(target);
      if (problems.length > 0) throw new Error(`${label} format declarations are invalid:\n${problems.join('\n')}`);
    });
    cases.forEach((testCase, i) => {
      const name = testCase.name ?? '';
      it(`case ${i + 1}${name ? `: ${name}` : ''}`, async () => {
        try {
          await runComponentCase(target, testCase);
          reports.push({ index: i + 1, name, passed: true });
        } catch (error) {
          const detail = error instanceof CaseAssertionError ? error.message : String(error);
          const message = caseMessage(target, i + 1, name, detail);
          reports.push({ index: i + 1, name, passed: false, message });
          throw new Error(message);
        }
      });
    });
    it('passes every case', () => {
      const summary = failedCasesSummary(target, reports);
      return summary === null ? Promise.resolve() : Promise.reject(new Error(summary));
    });
  });
}
