import { tooDeepPath } from './json-depth';

const nest = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('tooDeepPath', () => {
  it('accepts a body up to the limit and names the first field past it', () => {
    expect(tooDeepPath({ data: nest(2) }, 3)).toBeUndefined();
    expect(tooDeepPath({ ok: 1, data: nest(3) }, 3)).toBe('data.a.a');
    expect(tooDeepPath(nest(10), 6)).toBe('a.a.a.a…');
    expect(tooDeepPath([[[[1]]]], 3)).toBe('0.0.0');
  });

  it('leaves scalars and shallow bodies alone, and walks 100,000 levels without recursion', () => {
    expect(tooDeepPath(null)).toBeUndefined();
    expect(tooDeepPath('text')).toBeUndefined();
    expect(tooDeepPath({ a: [1, 'b', null, { c: true }] })).toBeUndefined();
    expect(tooDeepPath({ inputs: nest(100_000) })).toBe('inputs.a.a.a…');
  });
});
