import { extractReferences, renderTemplate } from './index';

const render = (text: string, variables: Record<string, unknown> = {}): unknown => renderTemplate(text, variables);

describe('renderTemplate (spec 04 §6.3)', () => {
  it('returns strings without ${ unchanged and fast', () => {
    const text = 'plain text with $ and { braces }';
    expect(render(text)).toBe(text);
  });

  it('returns the value as is for a whole-string exact key (type preserved)', () => {
    const variables = { n: 3, l: [1, 2], o: { k: 'v' }, b: true, z: null };
    expect(render('${n}', variables)).toBe(3);
    expect(render('${l}', variables)).toBe(variables.l);
    expect(render('${o}', variables)).toBe(variables.o);
    expect(render('${b}', variables)).toBe(true);
    expect(render('${z}', variables)).toBeNull();
  });

  it('produces text whenever the expression is evaluated, even for a single whole template', () => {
    expect(render('${a+1}', { a: 2 })).toBe('3');
    expect(render('${a[0]}', { a: [1, 2] })).toBe('1');
    expect(render('${ a }', { a: 5 })).toBe('5');
  });

  it('splices several templates into surrounding text', () => {
    expect(render('hello ${name}, you are ${age} (${age + 1} next year)', { name: 'bob', age: 41 })).toBe(
      'hello bob, you are 41 (42 next year)',
    );
  });

  it('never re-scans text produced by another template', () => {
    expect(render('${a}-${b}', { a: '${b}', b: 'x' })).toBe('${b}-x');
  });

  it('renders arrays element-wise and object values with keys unchanged', () => {
    const out = renderTemplate({ '${k}': ['${a}', 'x${a}', 7], nested: { v: '${a+1}' } }, { a: 1, k: 'nope' });
    expect(out).toEqual({ '${k}': [1, 'x1', 7], nested: { v: '2' } });
  });

  it('leaves other JSON types unchanged', () => {
    expect(renderTemplate(5, {})).toBe(5);
    expect(renderTemplate(null, {})).toBeNull();
    expect(renderTemplate(true, {})).toBe(true);
  });
});

describe('failure is silent (spec 04 §6.4)', () => {
  it.each([
    ['${a}', {}],
    ['${a.b}', {}],
    ['${a:b}', { a: 1, b: 2 }],
    ["${exec(print(''))}", {}],
    ['${1/0}', {}],
    ['${l[10]}', { l: [1] }],
    ["${d['missing']}", { d: {} }],
    ['${int("abc")}', {}],
    ['${a.nomethod()}', { a: 'x' }],
    ['${a.b}', { a: { b: 1 } }],
    ['${1 +}', {}],
    ['${x | entity}', { x: 1 }],
    ['${x | decode.utf8}', { x: 1 }],
    ['${x = 1}', {}],
    ['${import os}', {}],
  ])('%s stays literal', (text, variables) => {
    expect(render(text, variables)).toBe(text);
  });

  it('keeps only the failing template literal', () => {
    expect(render('${a} and ${b}', { a: 1 })).toBe('1 and ${b}');
  });

  it('does not treat ${} with forbidden characters as a template', () => {
    expect(render('${}', {})).toBe('${}');
    expect(render('${a#b}', { a: 1 })).toBe('${a#b}');
    expect(render('${{a}}', { a: 1 })).toBe('${{a}}');
  });
});

describe('extractReferences (spec 04 §6.2)', () => {
  it.each([
    // The spec lists the set {a, b, int}; we return it in source order.
    ['${a+int(b)}', ['a', 'int', 'b']],
    ['${[x.strip() for x in KEY.split(",")]}', ['KEY']],
    ["${'%s' % a}", ['a']],
    ['${(lambda y: y + z)(seed)}', ['z', 'seed']],
    ['${[a for a in b if a > c]}', ['b', 'c']],
    ['${[(i, j) for i in xs for j in range(i)]}', ['xs', 'range']],
    ['${x} ${y} ${x}', ['x', 'y']],
    ['${a:b}', []],
    ['no template', []],
  ])('%s → %j', (text, expected) => {
    expect(extractReferences(text)).toEqual(expected);
  });

  it('walks arrays and object values, never object keys', () => {
    expect(extractReferences({ '${k}': ['${a}', { x: '${b}' }], y: 3, z: '${a}' })).toEqual(['a', 'b']);
  });

  it('ignores non-string values', () => {
    expect(extractReferences(42)).toEqual([]);
    expect(extractReferences(null)).toEqual([]);
  });
});
