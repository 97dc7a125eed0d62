import { pythonStr } from './index';
import { PyFloat, PySet, PyTuple } from './py-values';

describe('pythonStr (spec 04 §6.6)', () => {
  it.each<[unknown, string]>([
    [null, 'None'],
    [undefined, 'None'],
    [true, 'True'],
    [false, 'False'],
    [0, '0'],
    [-12, '-12'],
    [3, '3'],
    [1e21, '1000000000000000000000'],
    ['text', 'text'],
    [1.5, '1.5'],
    [0.1, '0.1'],
    [new PyFloat(1), '1.0'],
    [new PyFloat(-0), '-0.0'],
    [new PyFloat(1e16), '1e+16'],
    [new PyFloat(1e15), '1000000000000000.0'],
    [1.5e-5, '1.5e-05'],
    [0.0001, '0.0001'],
    [1.2345e-7, '1.2345e-07'],
    [new PyFloat(1.5e300), '1.5e+300'],
    [1e16, '10000000000000000'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [['a', 1, null], "['a', 1, None]"],
    [[], '[]'],
    [new PyTuple([1]), '(1,)'],
    [new PyTuple([1, 2]), '(1, 2)'],
    [new PyTuple([]), '()'],
    [{ k: 'v', n: 1 }, "{'k': 'v', 'n': 1}"],
    [{}, '{}'],
    [new PySet([1, 2]), '{1, 2}'],
    [new PySet([]), 'set()'],
    [[1.5, new PyFloat(2), true], '[1.5, 2.0, True]'],
    [{ nested: [{ a: [] }] }, "{'nested': [{'a': []}]}"],
  ])('%p → %s', (value, expected) => expect(pythonStr(value)).toBe(expected));

  it.each<[string, string]>([
    ['plain', "['plain']"],
    ["it's", '["it\'s"]'],
    ['say "hi"', '[\'say "hi"\']'],
    ['both \' and "', "['both \\' and \"']"],
    ['back\\slash', "['back\\\\slash']"],
    ['line\nbreak\ttab\rcr', "['line\\nbreak\\ttab\\rcr']"],
    ['\x00\x7f', "['\\x00\\x7f']"],
    ['中文', "['中文']"],
    ['\u200b', "['\\u200b']"],
  ])('repr quoting of %p inside containers', (text, expected) => expect(pythonStr([text])).toBe(expected));

  it('prints recursive containers like Python', () => {
    const loop: unknown[] = [1];
    loop.push(loop);
    expect(pythonStr(loop)).toBe('[1, [...]]');
  });

  it('never invokes getters of dicts', () => {
    const getter = jest.fn(() => 'secret');
    const obj = { shown: 1 };
    Object.defineProperty(obj, 'hidden', { get: getter, enumerable: true });
    expect(pythonStr(obj)).toBe("{'shown': 1}");
    expect(getter).not.toHaveBeenCalled();
  });
});
