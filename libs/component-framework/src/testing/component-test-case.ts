import type { DataRecord } from '@bamboo/engine';

/**
 * The parts of a jest mock/spy the kit reads (structural, so the build needs no jest types and any
 * spied signature fits; `mockReturnValue`/`mockImplementation` are called through a looser view).
 */
export interface SpyLike {
  mock: { calls: unknown[][] };
  mockClear(): unknown;
  mockRestore(): unknown;
}

/** Replaces a target during one case (`{ target: () => jest.spyOn(obj, 'method') }`). */
export interface Patcher {
  target: () => SpyLike;
  returnValue?: unknown;
  /** A function used as implementation, or an error the mock throws. */
  sideEffect?: ((...args: never[]) => unknown) | Error;
}

/** Expected calls of a mock; an empty `calls` means "never called" (spec 07 §7.2 rule 6). */
export interface CallAssertion {
  mock: SpyLike | (() => SpyLike);
  calls: unknown[][];
  anyOrder?: boolean;
}

export interface ExecuteAssertion {
  success: boolean;
  outputs: DataRecord;
}

export interface ScheduleAssertion {
  success: boolean;
  outputs: DataRecord;
  callbackData?: DataRecord | null;
  scheduleFinished?: boolean;
}

/** One scripted case of spec 07 §7.1. */
export interface ComponentTestCase {
  name?: string;
  inputs: DataRecord;
  parentData?: DataRecord;
  executeAssertion: ExecuteAssertion;
  scheduleAssertion?: ScheduleAssertion | ScheduleAssertion[] | null;
  patchers?: Patcher[];
  executeCallAssertion?: CallAssertion[];
  scheduleCallAssertion?: CallAssertion[];
  serviceId?: string;
  rootPipelineId?: string;
}

export interface CaseReport {
  index: number;
  name: string;
  passed: boolean;
  /** `[<Class> case <n>] - [<name>] fail: <detail>` when the case failed. */
  message?: string;
}
