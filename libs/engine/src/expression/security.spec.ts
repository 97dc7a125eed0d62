import { ConditionError, evaluateCondition, renderTemplate } from './index';

/** Hostile templates (spec 04 §10): each must be refused (left literal) or be harmless, and be fast. */
const sideEffect = jest.fn(() => 'called');
const getter = jest.fn(() => 'leaked');
const withGetter: Record<string, unknown> = { visible: 1 };
Object.defineProperty(withGetter, 'secret', { get: getter, enumerable: true });

const context = (): Record<string, unknown> => ({
  s: 'abc',
  items: [1, 2, 3],
  d: { k: 'v' },
  obj: { _secret: 's3cr3t', public: 1 },
  side_effect: sideEffect,
  o: withGetter,
  big: 'x'.repeat(2000),
  // Reserved names are refused even when present in the context (§10 rule 7).
  self: { module: 'm' },
  caller: 1,
  UNDEFINED: 1,
  pageargs: 1,
  context: { _kwargs: 1 },
});

function timed<T>(fn: () => T): T {
  const started = performance.now();
  const result = fn();
  expect(performance.now() - started).toBeLessThan(2000);
  return result;
}

const render = (text: string): unknown => timed(() => renderTemplate(text, context()));

const literal: string[] = [
  '${"".__class__.__mro__[1].__subclasses__()}',
  "${''.__class__}",
  '${s.__len__()}',
  '${getattr("", "__class__")}',
  '${getattr(s, "upper")()}',
  '${dir()}',
  '${dir(s)}',
  '${__import__("os").system("id")}',
  '${__builtins__}',
  '${self.module.cache.util.os.popen("id").read()}',
  '${context._kwargs}',
  "${context['_kwargs']}",
  '${str(self)}',
  "${self['module']}",
  '${caller + 1}',
  '${UNDEFINED or 1}',
  '${[pageargs]}',
  '${obj._secret}',
  "${obj['__class__']}",
  '${os.path.os.popen("id")}',
  '${s.os}',
  '${s.system}',
  '${s.popen}',
  '${s.format_map(d)}',
  '${s.format(1)}',
  '${type("").mro()}',
  '${vars()}',
  "${format('', '')}",
  '${breakpoint()}',
  '${eval("1")}',
  '${exec("1")}',
  '${compile("1", "", "eval")}',
  '${open("/etc/passwd").read()}',
  '${globals()}',
  '${locals()}',
  '${isinstance(s, str)}',
  '${chr(65)}',
  "${'x'|((side_effect() or str))}",
  '${side_effect()}',
  '${s | side_effect}',
  '${s | h, side_effect}',
  '${process}',
  "${process.mainModule.require('child_process')}",
  "${require('fs')}",
  '${globalThis}',
  '${this}',
  '${constructor}',
  '${toString}',
  '${hasOwnProperty}',
  '${__proto__}',
  "${d['__proto__']}",
  "${d['constructor']}",
  "${d['toString']}",
  '${d.constructor}',
  "${s.constructor.constructor('return process')()}",
  '${items.constructor}',
  '${items.push(4)}',
  '${items.__proto__}',
  '${d.get.__self__}',
  '${items.index.__globals__}',
  '${[c for c in ().__class__.__bases__[0].__subclasses__()]}',
  '${Function("return 1")()}',
  "${o['secret']}",
  '${(lambda: 1).__code__}',
  '${lambda __x: 1}',
  '${[__x for __x in items]}',
  '${dict(__proto__=1)}',
  // Resource limits (§10 rule 14).
  "${'a' * 10**9}",
  "${'a' * 999999 + 'b' * 999999}",
  '${[0] * 10**7}',
  '${list(range(10**6))}',
  '${range(100001)}',
  '${2 ** 100}',
  '${10**15 * 10**15}',
  '${pow(10, 20)}',
  '${(lambda f: f(f))(lambda f: f(f))}',
  '${[[x for x in range(1000)] for y in range(1000)]}',
  '${sum([sum(range(100000)) for i in range(10)])}',
  "${big.replace('', big)}",
  "${'x'.center(10**9)}",
  "${'x'.zfill(10**7)}",
  "${'-'.join(['x'] * 999999)}",
  '${str([big] * 999)}',
  "${'%999999s%999999s' % ('a', 'b')}",
  '${' + '('.repeat(1000) + '1' + ')'.repeat(1000) + '}',
  '${' + '['.repeat(500) + ']'.repeat(500) + '}',
  '${' + '-'.repeat(3000) + '1}',
  '${' + 'not '.repeat(1000) + '1}',
  '${a' + ' + a'.repeat(800) + '}',
  '${' + 'a if a else '.repeat(300) + 'a}',
  "${'" + 'a'.repeat(5000) + "'}",
  '${' + 'x.'.repeat(1500) + 'x}',
  // Statements and other template syntax are not expressions.
  '${x = 1}',
  '${import os}',
  '${del items}',
  '${def f(): pass}',
  '${a; b}',
  '${yield 1}',
];

describe('hostile templates stay literal (spec 04 §10)', () => {
  it.each(literal)('%s', (text) => {
    expect(render(text)).toBe(text);
  });

  it('never calls a function found in the context', () => {
    expect(sideEffect).not.toHaveBeenCalled();
  });

  it('never invokes getters (an accessor property reads as missing)', () => {
    expect(render("${o.get('secret')}")).toBe('None');
    expect(render('${str(o)}')).toBe("{'visible': 1}");
    render('${list(o.items())}');
    render('${len(o)}');
    expect(getter).not.toHaveBeenCalled();
  });

  it('has more than 40 hostile cases', () => {
    expect(literal.length).toBeGreaterThanOrEqual(40);
  });
});

describe('other template syntaxes are never interpreted (§10 rule 1)', () => {
  it.each([
    '<% import os %>',
    '## comment',
    '<%include file="/etc/passwd"/>',
    '% for x in y:',
    '<%def name="f()">x</%def>',
  ])('%s', (text) => expect(render(text)).toBe(text));
});

describe('harmless evaluations', () => {
  it('returns the context value itself for an exact whole-string key, reserved name or not (§6.3 step 1)', () => {
    // This is a plain data lookup, no evaluation happens; any expression using the name is refused.
    expect(render('${caller}')).toBe(1);
    expect(render('${self}')).toEqual({ module: 'm' });
  });

  it('prints functions instead of exposing them', () => {
    expect(render('${lambda: 1}')).toBe('<function <lambda>>');
    expect(render('${len}')).toBe('<built-in function len>');
  });

  it("keeps a '__proto__' text key as plain data", () => {
    expect(render("${dict([('__proto__', dict(polluted=1))])}")).toBe("{'__proto__': {'polluted': 1}}");
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}, "a": "${x}"}') as Record<string, unknown>;
    const out = renderTemplate(parsed, { x: 1 }) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(out.a).toBe(1);
  });

  it('renders a huge text with many ${ quickly (the §6.1 regex is linear)', () => {
    const text = '${'.repeat(200_000) + '${a}' + '}'.repeat(1000);
    const out = timed(() => renderTemplate(text, { a: 1 })) as string;
    expect(out.length).toBe(text.length - 3);
  });

  it('only reaches registered helper functions of a module, never its JS properties', () => {
    const modules = { util: { shout: (x: unknown) => `${String(x)}!` } };
    expect(renderTemplate('${util.shout(s)}', { s: 'hey' }, { modules })).toBe('hey!');
    expect(renderTemplate('${util.constructor}', {}, { modules })).toBe('${util.constructor}');
    expect(renderTemplate('${util.toString()}', {}, { modules })).toBe('${util.toString()}');
    expect(renderTemplate('${util.__dict__}', {}, { modules })).toBe('${util.__dict__}');
  });

  it('aborts on the optional wall-time guard', () => {
    let clock = 0;
    const now = (): number => (clock += 10);
    expect(renderTemplate('${sum(range(50000))}', {}, { now })).toBe('${sum(range(50000))}');
    expect(renderTemplate('${sum(range(10))}', {}, { now })).toBe('45');
  });

  it('honours a smaller step budget', () => {
    expect(renderTemplate('${[x for x in range(100)]}', {}, { maxSteps: 50 })).toBe('${[x for x in range(100)]}');
  });
});

describe('hostile conditions raise ConditionError (§10 rule 16)', () => {
  it.each([
    '__import__("os") == 1',
    '__proto__ == 1',
    'a.__proto__ == 1',
    'process.exit(1) == 1',
    'constructor.constructor("x")() == 1',
    '1 == 1; 2 == 2',
    '('.repeat(2000) + '1 == 1' + ')'.repeat(2000),
    '1 == 1 and '.repeat(500) + '1 == 1'.repeat(2),
    '"' + 'a'.repeat(5000) + '" == 1',
    '${__import__("os")} == 1',
  ])('%s', (expression) => {
    expect(() => timed(() => evaluateCondition(expression, {}))).toThrow(ConditionError);
  });

  it('treats identifiers as text, never as host objects', () => {
    expect(evaluateCondition('constructor == "constructor"', {})).toBe(true);
    expect(evaluateCondition('process == "process"', {})).toBe(true);
  });
});

describe('no prototype pollution happened', () => {
  it('left the built-in prototypes untouched', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(('' as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
  });
});
