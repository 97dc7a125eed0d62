import { isDeepStrictEqual } from 'node:util';
import { errorMessage } from '../errors';
import type { CallAssertion, SpyLike } from './component-test-case';

/** Thrown for a failed expectation inside a case; its message is the detail of the report. */
export class CaseAssertionError extends Error {}

interface ExpectLike {
  (actual: unknown): { toEqual(expected: unknown): void };
}

function jestExpect(): ExpectLike | undefined {
  const candidate = (globalThis as { expect?: unknown }).expect;
  return typeof candidate === 'function' ? (candidate as ExpectLike) : undefined;
}

/** `toEqual` semantics (asymmetric matchers, diff) under jest; strict deep equality elsewhere. */
export function assertEqual(what: string, actual: unknown, expected: unknown): void {
  const expect = jestExpect();
  if (expect) {
    try {
      expect(actual).toEqual(expected);
    } catch (error) {
      throw new CaseAssertionError(`${what}: ${errorMessage(error)}`);
    }
    return;
  }
  if (!isDeepStrictEqual(actual, expected)) {
    throw new CaseAssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function callsMatch(actual: unknown[][], expected: unknown[][], anyOrder: boolean): boolean {
  if (actual.length !== expected.length) return false;
  if (!anyOrder) {
    try {
      assertEqual('calls', actual, expected);
      return true;
    } catch {
      return false;
    }
  }
  const remaining = [...actual];
  return expected.every((call) => {
    const index = remaining.findIndex((candidate) => {
      try {
        assertEqual('call', candidate, call);
        return true;
      } catch {
        return false;
      }
    });
    if (index >= 0) remaining.splice(index, 1);
    return index >= 0;
  });
}

function isSpy(value: CallAssertion['mock']): value is SpyLike {
  return typeof (value as Partial<SpyLike>).mock === 'object' && (value as Partial<SpyLike>).mock !== null;
}

/** Checks one call assertion, then clears the mock's history (spec 07 §7.2 rule 6). */
export function assertCalls(what: string, assertion: CallAssertion): void {
  // A jest mock is itself a function, so tell a spy from a spy getter by its `mock` record.
  const mock: SpyLike = isSpy(assertion.mock) ? assertion.mock : assertion.mock();
  const actual = [...mock.mock.calls];
  const ok =
    assertion.calls.length === 0 ? actual.length === 0 : callsMatch(actual, assertion.calls, !!assertion.anyOrder);
  const expected = JSON.stringify(assertion.calls);
  mock.mockClear();
  if (!ok) throw new CaseAssertionError(`${what}: expected calls ${expected}, got ${JSON.stringify(actual)}`);
}
