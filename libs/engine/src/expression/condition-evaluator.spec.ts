import { ConditionError, evaluateCondition } from './index';
import { EngineError } from '../errors/engine.error';

const check = (expression: string, variables: Record<string, unknown> = {}): boolean =>
  evaluateCondition(expression, variables);

describe('condition grammar (spec 04 §9.2)', () => {
  it.each<[string, boolean]>([
    ['*', true],
    ['  *  ', true],
    ['1 == 1', true],
    ['1==1', true],
    ['1 != 1', false],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ['1.5 == 1.5', true],
    ['.5 == 0.5', true],
    ['1. == 1', true],
    ['-1 < +1', true],
    ['2.5e1 == 25', true],
    ['"abc" == "abc"', true],
    ["'abc' == 'abc'", true],
    ['"a\\tb" == "a\tb"', true],
    ['TRUE == true', true],
    ['False == 0', true],
    ['abc == "abc"', true],
    ['a.b == "a.b"', true],
    ['${x} == "${x}"', true],
    ['_private == "_private"', true],
    ['1 IN (1, 2)', true],
    ['1 in (1, 2)', true],
    ['3 NotIn (1, 2)', true],
    ['"b" in "abc"', true],
    ['(1, 2, 3) issuperset (1, 2)', true],
    ['(1, 2) issuperset (1, 3)', false],
    ['(1, 2) notissuperset (1, 3)', true],
    ['"a" issuperset "a"', true],
    ['(1, 2) == (1, 2)', true],
    ['(1, 2) < (1, 3)', true],
    ['(1) == (1)', true],
    ['(1 == 1)', true],
    ['(1 == 2) or (2 == 2)', true],
    ['1 == 1 AND 2 == 2', true],
    ['1 == 2 Or 2 == 2', true],
  ])('%s → %s', (expression, expected) => expect(check(expression)).toBe(expected));

  it.each([
    '1',
    '1 EQ 1',
    '1 == 1 and',
    '',
    '   ',
    '__x == 1',
    'a b == 1',
    '1 = 1',
    '(1 == 1',
    'and 1 == 1',
    '1 == 1 1 == 1',
  ])('syntax error: %p', (expression) => {
    expect(() => check(expression)).toThrow(ConditionError);
  });

  it('raises ConditionError (an EngineError with code CONDITION_ERROR) naming the problem', () => {
    try {
      check('1 EQ 1');
      throw new Error('not thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as ConditionError).code).toBe('CONDITION_ERROR');
      expect((error as ConditionError).message).toMatch(/syntax error/);
    }
  });

  it('rejects an INTEGER with an exponent at evaluation', () => {
    expect(() => check('1e3 == 1000')).toThrow(/invalid integer literal/);
  });
});

describe('evaluation order: equal precedence, grouped right, short-circuit (§9.3)', () => {
  it.each<[string, boolean]>([
    ['1 > 2 and 2 > 1 or 1 == 1', false],
    ['1 == 1 and 2 == 3 or 1 == 1', true],
    ['1 == 1 or 1 == 2 and 1 == 2', true],
    ['(1 > 2 and 2 > 1) or 1 == 1', true],
    ['1 == 2 or 1 == 2 or 1 == 1', true],
    ['1 == 1 and 1 == 1 and 1 == 2', false],
  ])('%s → %s', (expression, expected) => expect(check(expression)).toBe(expected));

  it('short-circuits so a failing right side is never evaluated', () => {
    expect(check('1 == 1 or 1 < "a"')).toBe(true);
    expect(check('1 == 2 and 1 < "a"')).toBe(false);
    expect(() => check('1 == 1 and 1 < "a"')).toThrow(ConditionError);
  });
});

describe('operand coercion quirks (§9.4)', () => {
  it.each<[string, boolean]>([
    ['1.5 > 1', false],
    ['2 == 2.5', true],
    ['"1" == 1', true],
    ['1 == True', true],
    ['"1" == True', true],
    ['True == "true"', false],
    ['"1.0" == 1', false],
    ['10 > "9"', true],
    ['"10" > "9"', false],
    ['"1" in (1, 2)', true],
    ['1 in ("1", "2")', true],
    ['1 in ("a", "1")', true],
    ['True in (1, 2)', true],
    ['"abc" == abc', true],
    ['1 == "abc"', false],
    ['"a" > 1.5', true],
    ['2.0 == 2', true],
  ])('%s → %s', (expression, expected) => expect(check(expression)).toBe(expected));

  it.each(['1 < "a"', '1.5 < (1, 2)', '1 in 2', '1 in "abc"', '1 issuperset 1', '(1, 2) < 3'])(
    'evaluation error: %s',
    (expression) => expect(() => check(expression)).toThrow(ConditionError),
  );
});

describe('full pipeline with variables (§9.1, §9.6)', () => {
  it('renders ${…} before evaluating', () => {
    expect(check('${a} == 1', { a: 1 })).toBe(true);
    expect(check('${a} > 1', { a: 1 })).toBe(false);
    expect(check('"${name}" == "abc"', { name: 'abc' })).toBe(true);
    expect(check('${name} == "abc"', { name: 'abc' })).toBe(true);
    expect(check('${a + 1} == 3', { a: 2 })).toBe(true);
  });

  it('fails on a value with spaces spliced as a bare word', () => {
    expect(() => check('${name} == "a b"', { name: 'a b' })).toThrow(ConditionError);
  });

  it('undefined references stay literal text', () => {
    expect(check('${missing} == "${missing}"')).toBe(true);
  });

  it('normalises newlines and tabs of string values, which the STRING token turns back', () => {
    expect(check('"${text}" == "line1\\nline2"', { text: 'line1\nline2' })).toBe(true);
    expect(check('"${text}" == "a\\tb"', { text: 'a\tb' })).toBe(true);
  });

  it('leaves text that already holds an escape sequence unchanged', () => {
    // The value holds both a backslash-n and a real newline: nothing is replaced, the string spans lines.
    expect(() => check('"${text}" == "x"', { text: 'a\\nb\nc' })).toThrow(ConditionError);
  });

  it('evaluates a whole-key render of a boolean as its text (a lone operand is a syntax error)', () => {
    expect(() => check('${flag}', { flag: true })).toThrow(ConditionError);
    expect(check('${flag} == True', { flag: true })).toBe(true);
  });
});
