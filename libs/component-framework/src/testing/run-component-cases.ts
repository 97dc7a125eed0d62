import { DataObject, type ComponentService, type DataRecord } from '@bamboo/engine';
import { formatProblems } from '../items';
import type { Service } from '../service';
import { assertCalls, assertEqual, CaseAssertionError } from './case-assertions';
import { type ComponentTarget, delayAfterCall, formatError, isSuccess, toSubject } from './component-subject';
import type { CaseReport, ComponentTestCase, Patcher, ScheduleAssertion, SpyLike } from './component-test-case';
import { FakeClock } from './fake-clock';
import { RecordingLogger } from './recording-logger';

interface Mockable {
  mockReturnValue(value: unknown): unknown;
  mockImplementation(fn: (...args: unknown[]) => unknown): unknown;
}

function startPatcher(patcher: Patcher): SpyLike {
  const target = patcher.target();
  const spy = target as SpyLike & Mockable;
  const { sideEffect } = patcher;
  if (typeof sideEffect === 'object') {
    spy.mockImplementation(() => {
      throw sideEffect;
    });
  } else if (typeof sideEffect === 'function') {
    spy.mockImplementation(sideEffect as (...args: unknown[]) => unknown);
  } else if ('returnValue' in patcher) {
    spy.mockReturnValue(patcher.returnValue);
  }
  return target;
}

async function invoke(call: () => unknown, data: DataObject): Promise<boolean> {
  try {
    return isSuccess(await call());
  } catch (error) {
    data.outputs.ex_data = formatError(error);
    return false;
  }
}

function asList(value: ComponentTestCase['scheduleAssertion']): ScheduleAssertion[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Format declarations of a fresh instance, checked against spec 07 §5 (rule 1 of §7.2). */
export async function checkFormats(target: ComponentTarget): Promise<string[]> {
  const service = (await toSubject(target).createService(null)) as Partial<Service>;
  if (typeof service.inputsFormat !== 'function' || typeof service.outputsFormat !== 'function') return [];
  return formatProblems(
    service.inputsFormat().map((item) => item.serialize()),
    service.outputsFormat().map((item) => item.serialize()),
  );
}

/**
 * One case of spec 07 §7.2 with its own instance reused across calls (as the original kit does),
 * so the finish flag persists between polls. Poll delays advance a fake clock.
 */
export async function runComponentCase(target: ComponentTarget, testCase: ComponentTestCase): Promise<void> {
  const subject = toSubject(target);
  const clock = new FakeClock();
  const spies = (testCase.patchers ?? []).map(startPatcher);
  try {
    const service: ComponentService = await subject.createService(null);
    service.setupRuntimeAttrs({
      id: testCase.serviceId ?? 'node-under-test',
      version: 'v-under-test',
      topPipelineId: testCase.rootPipelineId ?? 'pipeline-under-test',
      rootPipelineId: testCase.rootPipelineId ?? 'pipeline-under-test',
      loop: 1,
      innerLoop: 1,
      logger: new RecordingLogger(),
      clock,
    });
    const data = new DataObject(structuredClone(testCase.inputs), {});
    const parentData = new DataObject(structuredClone(testCase.parentData ?? {}), {});

    const executed = await invoke(() => service.execute(data, parentData), data);
    assertEqual('execute success', executed, testCase.executeAssertion.success);
    assertEqual('execute outputs', data.outputs, testCase.executeAssertion.outputs);
    (testCase.executeCallAssertion ?? []).forEach((a, i) => assertCalls(`execute call assertion ${i + 1}`, a));
    if (!executed || !subject.needSchedule) return;

    const assertions = asList(testCase.scheduleAssertion);
    const polls = subject.createInterval() !== null;
    for (const [i, expected] of (polls ? assertions : assertions.slice(0, 1)).entries()) {
      const callbackData: DataRecord | null = polls ? null : (expected.callbackData ?? null);
      const ok = await invoke(() => service.schedule(data, parentData, callbackData), data);
      const what = `schedule ${i + 1}`;
      assertEqual(`${what} success`, ok, expected.success);
      assertEqual(`${what} outputs`, data.outputs, expected.outputs);
      if (polls) assertEqual(`${what} schedule finished`, service.isScheduleFinished(), !!expected.scheduleFinished);
      if (!ok) break;
      if (polls) clock.advance(delayAfterCall(subject, i + 1) * 1000);
    }
    (testCase.scheduleCallAssertion ?? []).forEach((a, i) => assertCalls(`schedule call assertion ${i + 1}`, a));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

function label(target: ComponentTarget): string {
  return toSubject(target).label;
}

export function caseMessage(target: ComponentTarget, index: number, name: string, detail: string): string {
  return `[${label(target)} case ${index}] - [${name}] fail: ${detail}`;
}

/** Runs every case, never stopping at a failure, and reports each (spec 07 §7.2 rule 7). */
export async function runComponentCases(target: ComponentTarget, cases: ComponentTestCase[]): Promise<CaseReport[]> {
  const reports: CaseReport[] = [];
  for (const [i, testCase] of cases.entries()) {
    const name = testCase.name ?? '';
    try {
      await runComponentCase(target, testCase);
      reports.push({ index: i + 1, name, passed: true });
    } catch (error) {
      const detail = error instanceof CaseAssertionError ? error.message : formatError(error);
      reports.push({ index: i + 1, name, passed: false, message: caseMessage(target, i + 1, name, detail) });
    }
  }
  return reports;
}

/** The final failure message listing every failed case, or null when all passed. */
export function failedCasesSummary(target: ComponentTarget, reports: CaseReport[]): string | null {
  const failed = reports.filter((report) => !report.passed);
  if (failed.length === 0) return null;
  const names = failed.map((report) => `case ${report.index} [${report.name}]`).join(', ');
  return `${label(target)}: ${failed.length} of ${reports.length} cases failed: ${names}\n${failed
    .map((report) => report.message)
    .join('\n')}`;
}
