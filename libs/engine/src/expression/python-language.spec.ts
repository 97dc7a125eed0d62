import { renderTemplate } from './index';

const vars: Record<string, unknown> = {
  a: 1,
  b: '2',
  f: 1.5,
  s: 'Hello World',
  name: 'a-b-c',
  items: [1, 2, 3],
  words: ['b', 'a', 'c'],
  seed: 4,
  l: 'x,y,z',
  a_i: 1,
  d: { k: 'v', n: 1 },
  empty: '',
  none: null,
  flag: true,
  KEY: ' p , q ',
};

const evaluate = (expr: string, variables: Record<string, unknown> = vars): unknown =>
  renderTemplate(`\${${expr}}`, variables);

describe('literals', () => {
  it.each([
    ["'single'", 'single'],
    ['"double"', 'double'],
    ["'a\\tb'", 'a\tb'],
    ["'\\x41\\u00e9\\n'", 'Aé\n'],
    ["r'raw\\n'", 'raw\\n'],
    ["'con' 'cat'", 'concat'],
    ['42', '42'],
    ['1_000', '1000'],
    ['0x1f', '31'],
    ['0o17', '15'],
    ['0b101', '5'],
    ['3.0', '3.0'],
    ['.5', '0.5'],
    ['1e3', '1000.0'],
    ['True', 'True'],
    ['False', 'False'],
    ['None', 'None'],
    ['[1, "a", None]', "[1, 'a', None]"],
    ['[]', '[]'],
    ['()', '()'],
    ['(1,)', '(1,)'],
    ['(1, 2)', '(1, 2)'],
    ['(1, 2,)', '(1, 2)'],
    ['(1)', '1'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));
});

describe('operators with Python 3 semantics', () => {
  it.each([
    ['1 + 2', '3'],
    ['1 + 2.0', '3.0'],
    ['True + 1', '2'],
    ["'a' + 'b'", 'ab'],
    ['[1] + [2]', '[1, 2]'],
    ['(1,) + (2,)', '(1, 2)'],
    ['5 - 7', '-2'],
    ['3 * 4', '12'],
    ["'ab' * 3", 'ababab'],
    ["3 * 'ab'", 'ababab'],
    ["'ab' * -1", ''],
    ['[0] * 3', '[0, 0, 0]'],
    ['7 / 2', '3.5'],
    ['6 / 3', '2.0'],
    ['7 // 2', '3'],
    ['-7 // 2', '-4'],
    ['7.0 // 2', '3.0'],
    ['7 % 3', '1'],
    ['-7 % 3', '2'],
    ['7 % -3', '-2'],
    ['7.5 % 2', '1.5'],
    ['2 ** 10', '1024'],
    ['2 ** -1', '0.5'],
    ['2.0 ** 2', '4.0'],
    ['-2 ** 2', '-4'],
    ['2 ** 3 ** 2', '512'],
    ['-a', '-1'],
    ['+a', '1'],
    ['-f', '-1.5'],
    ['not a', 'False'],
    ['not empty', 'True'],
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it.each([
    ['a and b', '2'],
    ['empty and b', ''],
    ['empty or b', '2'],
    ['a or b', '1'],
    ["none or 'default'", 'default'],
    ['0 or None', 'None'],
    ["a if a else 'default'", '1'],
    ["empty if empty else 'default'", 'default'],
  ])('and/or/if-else return operands: %s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it.each([
    ['1 == 1.0', 'True'],
    ['1 == True', 'True'],
    ["1 == '1'", 'False'],
    ['[1, 2] == [1, 2]', 'True'],
    ['(1, 2) == [1, 2]', 'False'],
    ['1 != 2', 'True'],
    ['1 < 2 < 3', 'True'],
    ['1 < 3 < 2', 'False'],
    ["'a' < 'b'", 'True'],
    ['[1, 2] < [1, 3]', 'True'],
    ['2 >= 2', 'True'],
    ["'b' in 'abc'", 'True'],
    ['2 in items', 'True'],
    ['5 not in items', 'True'],
    ["'k' in d", 'True'],
    ['none is None', 'True'],
    ['a is not None', 'True'],
    ['flag is True', 'True'],
  ])('comparison %s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it.each(["1 < 'a'", '1 / 0', '1 // 0', '1 % 0', "1 + 'a'", "'a' - 'b'", '[1] * 1.5', '0 ** -1'])(
    '%s raises → literal',
    (expr) => expect(evaluate(expr)).toBe(`\${${expr}}`),
  );
});

describe('access', () => {
  it.each([
    ['items[0]', '1'],
    ['items[-1]', '3'],
    ['s[0]', 'H'],
    ['s[-1]', 'd'],
    ['items[1:]', '[2, 3]'],
    ['items[:-1]', '[1, 2]'],
    ['items[::-1]', '[3, 2, 1]'],
    ['items[::2]', '[1, 3]'],
    ['s[0:5]', 'Hello'],
    ['s[::-1]', 'dlroW olleH'],
    ['s[100:]', ''],
    ["d['k']", 'v'],
    ['d["n"] + 1', '2'],
    ['(1, 2, 3)[1:]', '(2, 3)'],
    ['items[slice(1, 3)]', '[2, 3]'],
    ["l.split(',')[a_i]", 'y'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));
});

describe('safe builtins', () => {
  it.each([
    ['bool(0)', 'False'],
    ["bool('x')", 'True'],
    ['int(111)', '111'],
    ['int(2.9)', '2'],
    ['int(-2.9)', '-2'],
    ["int(' 42 ')", '42'],
    ["int('ff', 16)", '255'],
    ['int(True)', '1'],
    ["float('1.5')", '1.5'],
    ['float(2)', '2.0'],
    ["float('inf')", 'inf'],
    ["float('nan')", 'nan'],
    ['str(1.0)', '1.0'],
    ['list(s[:3])', "['H', 'e', 'l']"],
    ['list(d)', "['k', 'n']"],
    ['tuple(items)', '(1, 2, 3)'],
    ['dict(x=1)', "{'x': 1}"],
    ["dict([('a', 1)])", "{'a': 1}"],
    ['set([1, 1, 2])', '{1, 2}'],
    ['set()', 'set()'],
    ['abs(-3)', '3'],
    ['abs(-1.5)', '1.5'],
    ['round(2.5)', '2'],
    ['round(3.5)', '4'],
    ['round(2.675, 2)', '2.67'],
    ['round(1.23456, 3)', '1.235'],
    ['pow(2, 8)', '256'],
    ['pow(2, 10, 1000)', '24'],
    ['sum(items)', '6'],
    ['sum([0.5, 0.5])', '1.0'],
    ['min(items)', '1'],
    ['max(3, 9, 4)', '9'],
    ['max(words, key=lambda w: w)', 'c'],
    ['len(items)', '3'],
    ['len(s)', '11'],
    ['len(d)', '2'],
    ['range(3)', 'range(0, 3)'],
    ['list(range(1, 10, 3))', '[1, 4, 7]'],
    ['list(range(3, 0, -1))', '[3, 2, 1]'],
    ['list(enumerate(words))', "[(0, 'b'), (1, 'a'), (2, 'c')]"],
    ['list(zip(items, words))', "[(1, 'b'), (2, 'a'), (3, 'c')]"],
    ['sorted(words)', "['a', 'b', 'c']"],
    ['sorted(items, reverse=True)', '[3, 2, 1]'],
    ['sorted(words, key=lambda w: -ord(w))', '${sorted(words, key=lambda w: -ord(w))}'],
    ['list(reversed(items))', '[3, 2, 1]'],
    ['all(items)', 'True'],
    ['any([0, None])', 'False'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));
});

describe('method allowlist', () => {
  it.each([
    ['s.upper()', 'HELLO WORLD'],
    ['s.lower()', 'hello world'],
    ["'hello world'.title()", 'Hello World'],
    ["'hELLO'.capitalize()", 'Hello'],
    ['s.swapcase()', 'hELLO wORLD'],
    ["'  x  '.strip()", 'x'],
    ["'xxhixx'.strip('x')", 'hi'],
    ["'  x'.lstrip()", 'x'],
    ["'x  '.rstrip()", 'x'],
    ['s.split()', "['Hello', 'World']"],
    ["name.split('-')", "['a', 'b', 'c']"],
    ["name.split('-', 1)", "['a', 'b-c']"],
    ["name.rsplit('-', 1)", "['a-b', 'c']"],
    ["'a\\nb'.splitlines()", "['a', 'b']"],
    ["s.replace('l', 'L')", 'HeLLo WorLd'],
    ["s.replace('l', 'L', 1)", 'HeLlo World'],
    ["s.startswith('He')", 'True'],
    ["s.endswith(('x', 'ld'))", 'True'],
    ["'-'.join(words)", 'b-a-c'],
    ["s.count('l')", '3'],
    ["s.find('o')", '4'],
    ["s.rfind('o')", '7'],
    ["s.find('z')", '-1'],
    ["s.index('W')", '6'],
    ["'42'.zfill(5)", '00042'],
    ["'-42'.zfill(5)", '-0042'],
    ["'ab'.center(5, '*')", '**ab*'],
    ["'ab'.ljust(4, '.')", 'ab..'],
    ["'ab'.rjust(4)", '  ab'],
    ["'123'.isdigit()", 'True'],
    ["'abc'.isalpha()", 'True'],
    ["'a1'.isalnum()", 'True'],
    ["' '.isspace()", 'True'],
    ["'abc'.islower()", 'True'],
    ["'ABC'.isupper()", 'True'],
    ["'12'.isnumeric()", 'True'],
    ["''.isdigit()", 'False'],
    ["'a=b=c'.partition('=')", "('a', '=', 'b=c')"],
    ["'a=b=c'.rpartition('=')", "('a=b', '=', 'c')"],
    ['items.count(2)', '1'],
    ['items.index(3)', '2'],
    ['(1, 2).index(2)', '1'],
    ["d.get('k')", 'v'],
    ["d.get('x', 'dflt')", 'dflt'],
    ["d.get('x')", 'None'],
    ['d.keys()', "dict_keys(['k', 'n'])"],
    ['list(d.values())', "['v', 1]"],
    ['d.items()', "dict_items([('k', 'v'), ('n', 1)])"],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it.each(["s.encode('utf8')", 'items.append(4)', 'd.update(x=1)', 'd.pop("k")', 's.upper', 'items.sort()'])(
    '%s is not allowlisted → literal',
    (expr) => {
      const rendered = evaluate(expr);
      if (expr === 's.upper') expect(rendered).toBe('<built-in function upper>');
      else expect(rendered).toBe(`\${${expr}}`);
    },
  );
});

describe('comprehensions, generators and lambda', () => {
  it.each([
    ['[x * 2 for x in items]', '[2, 4, 6]'],
    ['[x for x in items if x > 1]', '[2, 3]'],
    ['[x for x in items if x > 1 if x < 3]', '[2]'],
    ['[(x, y) for x in [1, 2] for y in [3, 4]]', '[(1, 3), (1, 4), (2, 3), (2, 4)]'],
    ['[[y for y in range(x)] for x in range(3)]', '[[], [0], [0, 1]]'],
    ['[k + str(v) for k, v in d.items()]', "['kv', 'n1']"],
    ['[a for (a, b) in [(1, 2), (3, 4)]]', '[1, 3]'],
    ['[x.strip() for x in KEY.split(",")]', "['p', 'q']"],
    ['sum(x * x for x in items)', '14'],
    ["','.join(str(x) for x in items)", '1,2,3'],
    ['any(x > 2 for x in items)', 'True'],
    ['(lambda y: y + 1)(seed)', '5'],
    ['(lambda x, y: x * y)(3, 4)', '12'],
    ['(lambda: 7)()', '7'],
    ['(lambda x, y: x - y)(y=1, x=5)', '4'],
    ['list(map(str, items))', '${list(map(str, items))}'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it('does not leak comprehension variables into the result of outer names', () => {
    expect(evaluate('[a for a in items] + [a]')).toBe('[1, 2, 3, 1]');
  });
});

describe('% string formatting', () => {
  it.each([
    ["'%s' % a", '1'],
    ["'%s-%s' % (a, b)", '1-2'],
    ["'%d items' % 3.7", '3 items'],
    ["'%i' % 5", '5'],
    ["'%f' % 1.5", '1.500000'],
    ["'%.2f' % 3.14159", '3.14'],
    ["'%r' % b", "'2'"],
    ["'100%%' % ()", '100%'],
    ["'%5s|' % 'ab'", '   ab|'],
    ["'%-5s|' % 'ab'", 'ab   |'],
    ["'%05d' % 42", '00042'],
    ["'%s' % [1, 2]", '[1, 2]'],
    ["'%(k)s' % d", 'v'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));

  it.each(["'%s %s' % a", "'%s' % (1, 2)", "'%d' % 'x'", "'%q' % 1"])('%s raises → literal', (expr) =>
    expect(evaluate(expr)).toBe(`\${${expr}}`),
  );
});

describe('filters', () => {
  it.each([
    ['x | h', { x: '<a href="/">\'&\'</a>' }, '&lt;a href=&#34;/&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;'],
    ['x | x', { x: '<&>' }, '&lt;&amp;&gt;'],
    ['x | u', { x: 'a b&c=d/é' }, 'a+b%26c%3Dd%2F%C3%A9'],
    ['x | trim', { x: '  pad  ' }, 'pad'],
    ['x | n', { x: 1 }, '1'],
    ['x | str', { x: [1] }, '[1]'],
    ['x | unicode', { x: 'u' }, 'u'],
    ['x | trim, h', { x: ' <b> ' }, '&lt;b&gt;'],
    ["'a|b'", {}, 'a|b'],
  ])('${%s}', (expr, variables, expected) => expect(evaluate(expr, variables)).toBe(expected));
});

describe('business patterns (spec 04 §10)', () => {
  it.each([
    ['${name.upper()}', { name: 'abc' }, 'ABC'],
    ["${name.split('-')}", { name: 'a-b-c' }, "['a', 'b', 'c']"],
    ['${[x * 2 for x in items]}', { items: [1, 2, 3] }, '[2, 4, 6]'],
    ['${(lambda y: y + 1)(seed)}', { seed: 4 }, '5'],
    ["${a if a else 'default'}", { a: '' }, 'default'],
    ["${a if a else 'default'}", { a: 'set' }, 'set'],
    ['${len(items)}', { items: [1, 2, 3] }, '3'],
    ['${int(111)}', {}, '111'],
    ['${l.split(",")[a_i]}', { l: 'x,y,z', a_i: 2 }, 'z'],
  ])('%s', (template, variables, expected) => expect(renderTemplate(template, variables)).toBe(expected));
});

describe('round() ties to even on the exact binary value', () => {
  it.each([
    ['round(0.125, 2)', '0.12'],
    ['round(0.375, 2)', '0.38'],
    ['round(2.5, 0)', '2.0'],
    ['round(-2.5, 0)', '-2.0'],
    ['round(1.005, 2)', '1.0'],
    ['round(1234, -2)', '1200'],
    ['round(-0.4)', '0'],
  ])('%s → %s', (expr, expected) => expect(evaluate(expr)).toBe(expected));
});
