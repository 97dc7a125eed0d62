/**
 * Generators of malformed and hostile request bodies for the REST fuzz test. Every body is wrong in
 * at least one field, so a correct server answers 4xx to each; a seeded PRNG keeps runs repeatable.
 */
export class SeededRandom {
  constructor(private state: number) {}

  next(): number {
    // mulberry32: small, fast, good enough to spread cases.
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }
}

export const HOSTILE_TEMPLATES = [
  '${__import__("os").system("id")}',
  '${"".__class__.__mro__[1].__subclasses__()}',
  '${constructor.constructor("return process")()}',
  '${globalThis.process.exit(1)}',
  '${this}',
  "${'a' * 10**9}",
  '${[x for x in range(10**9)]}',
  '${((((((((((((((((((((1))))))))))))))))))))}',
  `\${${'('.repeat(500)}1${')'.repeat(500)}}`,
  '${require("child_process")}',
  '${__proto__.polluted}',
  '${a' + 'b'.repeat(5000) + '}',
];

export const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  true,
  'x',
  '',
  [],
  [1, 2],
  {},
  { $gt: 1 },
  'a'.repeat(10_000),
];

function deep(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let cursor = root;
  for (let i = 0; i < levels; i++) {
    const next: Record<string, unknown> = {};
    cursor.n = next;
    cursor = next;
  }
  return root;
}

/** A tree broken in one random way, possibly carrying hostile templates in its data. */
export function brokenTree(random: SeededRandom): unknown {
  const id = `p${random.int(1e9)}`;
  const hostile = random.pick(HOSTILE_TEMPLATES);
  const base: Record<string, unknown> = {
    id,
    start_event: { id: `${id}s`, type: 'EmptyStartEvent', incoming: '', outgoing: 'f1' },
    end_event: { id: `${id}e`, type: 'EmptyEndEvent', incoming: ['f1'], outgoing: '' },
    activities: {},
    gateways: {},
    flows: { f1: { id: 'f1', source: `${id}s`, target: `${id}e` } },
    data: { inputs: { '${x}': { type: 'splice', value: hostile } }, outputs: [] },
  };
  const breakers: Array<() => unknown> = [
    () => ({ ...base, start_event: random.pick(WRONG_VALUES) }),
    () => ({ ...base, flows: random.pick(WRONG_VALUES) }),
    () => ({
      ...base,
      data: { inputs: { '${x}': { type: random.pick(['raw', 1, null]), value: hostile } }, outputs: [] },
    }),
    () => ({ ...base, id: random.pick(['bad id!', 'x'.repeat(80), '', '../etc']) }),
    () => ({
      ...base,
      activities: { a: { id: 'a', type: 'ServiceActivity', component: { code: hostile, inputs: {} } } },
    }),
    () => ({
      ...base,
      gateways: { g: { id: 'g', type: random.pick(['Nope', 'ExclusiveGateway']), incoming: [], outgoing: 5 } },
    }),
    () => ({ ...base, __proto__: { polluted: true }, constructor: { prototype: { polluted: true } }, end_event: null }),
    () => deep(80 + random.int(300)),
    () => ({ ...base, activities: Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`a${i}`, 1])) }),
    () => ({ ...base, huge: 'z'.repeat(70_000) }),
    () => random.pick(WRONG_VALUES),
  ];
  return random.pick(breakers)();
}

/** A run body wrong at the top level, in options, or in its tree. */
export function brokenRunBody(random: SeededRandom): unknown {
  const cases: Array<() => unknown> = [
    () => ({ pipeline: brokenTree(random) }),
    () => ({ pipeline: random.pick(WRONG_VALUES) }),
    () => ({ pipeline: {}, options: { priority: random.pick([-1, 256, 'high', 1.5, null]) } }),
    () => ({ pipeline: {}, options: { queue: random.pick(['a b', 'x'.repeat(100), 5]) } }),
    () => ({ pipeline: {}, options: { start_node_id: random.pick(['', 'a/b', 7]) } }),
    () => ({ pipeline: {}, [random.pick(['extra', '__proto__', 'constructor', 'pipelinee'])]: 1 }),
    () => ({ pipeline: {}, root_pipeline_data: random.pick(['str', 1, [1]]) }),
    () => random.pick(WRONG_VALUES),
    () => ({}),
  ];
  return random.pick(cases)();
}

/** Command bodies with wrong types, missing fields, unknown fields and huge arrays. */
export function brokenCommandBody(random: SeededRandom): unknown {
  const cases: Array<() => unknown> = [
    () => ({ flow_id: random.pick(WRONG_VALUES) }),
    () => ({ flow_ids: Array.from({ length: 5_000 }, (_, i) => `f${i}`), converge_gateway_id: 'c' }),
    () => ({ flow_ids: random.pick(WRONG_VALUES), converge_gateway_id: random.pick(WRONG_VALUES) }),
    () => ({ ex_data: random.pick([1, null, {}, 'e'.repeat(20_000)]) }),
    () => ({ version: random.pick(WRONG_VALUES), data: random.pick(WRONG_VALUES) }),
    () => ({ inputs: random.pick(['x', 1, [1]]), loop_retry: 'yes' }),
    () => ({ loop_skip: random.pick(['true', 1, {}]) }),
    () => ({ unknown_field: random.pick(HOSTILE_TEMPLATES) }),
    () => ({ context_values: random.pick(WRONG_VALUES) }),
    () => ({ root_pipeline_id: random.pick(['a b', 1]), context_values: [] }),
    () => deep(100 + random.int(100)),
  ];
  return random.pick(cases)();
}
