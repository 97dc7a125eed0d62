import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { treeFromEdges } from '../validator/testing/tree-from-edges.test-helper';
import { parsePipelineTree } from './parse-pipeline-tree';
import { SchemaValidateError } from './schema-validate.error';
import { TreeInvalidError } from './tree-invalid.error';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/trees');

function rawFixtures(): string[] {
  return readdirSync(FIXTURES).filter((name) => name.endsWith('.json') && !name.endsWith('.validated.json'));
}

function load(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Runs the parser on a mutated copy of a valid tree and returns the error it throws. */
function schemaError(mutate: (tree: any) => void, base: any = treeFromEdges('S>EG1; EG1>A,B; A>CG1; B>CG1; CG1>E')) {
  const tree = JSON.parse(JSON.stringify(base));
  mutate(tree);
  try {
    parsePipelineTree(tree);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaValidateError);
    expect(error).toBeInstanceOf(TreeInvalidError);
    expect((error as SchemaValidateError).code).toBe('TREE_SCHEMA');
    return error as SchemaValidateError;
  }
  throw new Error('expected a SchemaValidateError');
}

function subprocessTree(): any {
  return treeFromEdges('S>A; A>SP1; SP1>E');
}

describe('parsePipelineTree', () => {
  describe.each(rawFixtures())('fixture %s', (name) => {
    it('parses unchanged and keeps key order', () => {
      const input = load(name);
      const parsed = parsePipelineTree(input);
      expect(parsed).toEqual(input);
      expect(parsed).not.toBe(input);
      expect(Object.keys(parsed.gateways)).toEqual(Object.keys(input.gateways));
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(input));
    });
  });

  it('accepts a SubProcess whose pipeline id equals the node id', () => {
    expect(parsePipelineTree(subprocessTree()).activities.SP1?.type).toBe('SubProcess');
  });

  it('reads data.outputs given as an object as its key list', () => {
    const tree = treeFromEdges('S>A; A>E');
    (tree.data as any).outputs = { '${x}': 'anything', '${y}': 1 };
    expect(parsePipelineTree(tree).data.outputs).toEqual(['${x}', '${y}']);
  });

  it('does not mutate its input', () => {
    const tree: any = treeFromEdges('S>A; A>E');
    tree.data.outputs = { '${x}': 1 };
    parsePipelineTree(tree);
    expect(tree.data.outputs).toEqual({ '${x}': 1 });
  });

  it('accepts a registered sink type and rejects an unregistered one when sink types are given', () => {
    const tree = treeFromEdges('S>A; A>E');
    tree.end_event.type = 'CustomExecutableEndEvent';
    expect(() => parsePipelineTree(tree)).not.toThrow();
    expect(() => parsePipelineTree(tree, { sinkTypes: ['CustomExecutableEndEvent'] })).not.toThrow();
    expect(() => parsePipelineTree(tree, { sinkTypes: [] })).toThrow('end_event.type: expected one of EmptyEndEvent');
  });

  it('warns about a source_act that names no node of the level', () => {
    const tree: any = treeFromEdges('S>A; A>E');
    tree.data.inputs['${out}'] = { type: 'plain', value: null, source_act: 'gone', source_key: 'k' };
    const warnings: unknown[] = [];
    parsePipelineTree(tree, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([
      { path: 'data.inputs.${out}.source_act', message: '"gone" names no node of this level' },
    ]);
  });

  describe('rejects malformed trees naming the path', () => {
    const cases: [string, (tree: any) => void, string][] = [
      [
        'a non-object tree',
        (tree) => Object.keys(tree).forEach((key) => delete tree[key]),
        'id: required key is missing',
      ],
      ['a missing top-level key', (tree) => delete tree.flows, 'flows: required key is missing'],
      ['a wrong top-level type', (tree) => (tree.activities = []), 'activities: expected an object, got array'],
      [
        'a wrong start type',
        (tree) => (tree.start_event.type = 'Start'),
        'start_event.type: expected one of EmptyStartEvent',
      ],
      [
        'a start with incoming flows',
        (tree) => (tree.start_event.incoming = 'f9'),
        'start_event.incoming: expected ""',
      ],
      ['an end with outgoing flows', (tree) => (tree.end_event.outgoing = 'f9'), 'end_event.outgoing: expected ""'],
      [
        'an unknown activity type',
        (tree) => (tree.activities.A.type = 'Task'),
        'activities.A.type: expected one of ServiceActivity|SubProcess',
      ],
      [
        'an unknown gateway type',
        (tree) => (tree.gateways.EG1.type = 'XGateway'),
        'gateways.EG1.type: expected one of ParallelGateway',
      ],
      [
        'a missing component code',
        (tree) => delete tree.activities.A.component.code,
        'activities.A.component.code: required key is missing',
      ],
      [
        'an empty component code',
        (tree) => (tree.activities.A.component.code = ''),
        'activities.A.component.code: expected a non-empty string',
      ],
      [
        'a missing error_ignorable',
        (tree) => delete tree.activities.A.error_ignorable,
        'activities.A.error_ignorable: required key is missing',
      ],
      [
        'a non-boolean skippable',
        (tree) => (tree.activities.A.skippable = 'yes'),
        'activities.A.skippable: expected a boolean, got string',
      ],
      [
        'a list outgoing on an activity',
        (tree) => (tree.activities.A.outgoing = ['f3']),
        'activities.A.outgoing: expected a string, got array',
      ],
      [
        'a string outgoing on a diverging gateway',
        (tree) => (tree.gateways.EG1.outgoing = 'f2'),
        'gateways.EG1.outgoing: expected a list of flow ids',
      ],
      [
        'a bad variable type',
        (tree) => (tree.activities.A.component.inputs.x = { type: 'raw', value: 1 }),
        'activities.A.component.inputs.x.type: expected one of plain|splice|lazy',
      ],
      [
        'a variable without value',
        (tree) => (tree.data.inputs['${v}'] = { type: 'plain' }),
        'data.inputs.${v}.value: required key is missing',
      ],
      [
        'a lazy variable without custom_type',
        (tree) => (tree.data.inputs['${v}'] = { type: 'lazy', value: 1 }),
        'data.inputs.${v}.custom_type: required key is missing',
      ],
      [
        'a bad source_act list',
        (tree) => (tree.data.inputs['${v}'] = { type: 'plain', value: null, source_act: [{ source_act: 'A' }] }),
        'data.inputs.${v}.source_act.0.source_key: required key is missing',
      ],
      [
        'a string source_act without source_key',
        (tree) => (tree.data.inputs['${v}'] = { type: 'plain', value: null, source_act: 'A' }),
        'data.inputs.${v}.source_key: required key is missing',
      ],
      [
        'outputs of the wrong type',
        (tree) => (tree.data.outputs = 'x'),
        'data.outputs: expected a list of context keys, got string',
      ],
      [
        'an id longer than 33 characters',
        (tree) => (tree.id = 'p'.repeat(34)),
        'id: id "ppppppppppppppppppppppppppppppppppp" is longer than 33 characters'.replace(
          'ppppppppppppppppppppppppppppppppppp',
          'p'.repeat(34),
        ),
      ],
      [
        'an id with bad characters',
        (tree) => (tree.start_event.id = 'start event'),
        'start_event.id: id "start event" has characters outside [A-Za-z0-9_-]',
      ],
      [
        'a map key differing from the id',
        (tree) => (tree.activities.A.id = 'A2'),
        'activities.A.id: id "A2" differs from its map key',
      ],
      [
        'a flow id missing from flows',
        (tree) => (tree.activities.A.outgoing = 'f99'),
        'activities.A.outgoing: flow "f99" does not exist in flows',
      ],
      [
        'a flow whose source is not the referring node',
        (tree) => (tree.flows.f4.source = 'B'),
        'activities.A.outgoing: flow "f4" has source "B", not this node',
      ],
      [
        'a flow whose target names no node',
        (tree) => (tree.flows.f4.target = 'nowhere'),
        'flows.f4.target: "nowhere" is no node of this pipeline level',
      ],
      [
        'a flow listed in no incoming list',
        (tree) => (tree.gateways.CG1.incoming = ['f4']),
        'flows.f5: flow is listed 0 times in an incoming list',
      ],
      [
        'a flow listed twice',
        (tree) => tree.gateways.CG1.incoming.push('f4'),
        'flows.f4: flow is listed 2 times in an incoming list',
      ],
      [
        'a condition on a flow that is not outgoing',
        (tree) => (tree.gateways.EG1.conditions.f9 = { evaluate: 'True' }),
        'gateways.EG1.conditions.f9: condition key is not one of the outgoing flows',
      ],
      [
        'a condition without evaluate',
        (tree) => (tree.gateways.EG1.conditions.f2 = {}),
        'gateways.EG1.conditions.f2.evaluate: required key is missing',
      ],
      [
        'a missing conditions object',
        (tree) => delete tree.gateways.EG1.conditions,
        'gateways.EG1.conditions: required key is missing',
      ],
      [
        'a default condition on a foreign flow',
        (tree) => (tree.gateways.EG1.default_condition = { flow_id: 'f1' }),
        'gateways.EG1.default_condition.flow_id: default flow is not one of the outgoing flows',
      ],
      [
        'a loop_config with loop_times 0',
        (tree) => (tree.activities.A.loop_config = { enable: true, loop_times: 0 }),
        'activities.A.loop_config.loop_times: expected an integer >= 1, got 0',
      ],
      [
        'an enabled timeout_config with a bad action',
        (tree) => (tree.activities.A.timeout_config = { enable: true, action: 'kill', seconds: 3 }),
        'activities.A.timeout_config.action: expected one of forced_fail|forced_fail_and_skip',
      ],
      [
        'a duplicate id',
        (tree) => {
          tree.id = 'A';
        },
        'activities.A.id: duplicate id "A", already used at id',
      ],
    ];
    it.each(cases)('%s', (_label, mutate, message) => {
      const error = schemaError(mutate);
      expect(error.message).toContain(message);
      expect(error.details?.path).toBe(error.path);
    });
  });

  it('rejects two branches of a diverging gateway reaching the same node', () => {
    const tree: any = treeFromEdges('S>PG1; PG1>A,B; A>CG1; B>CG1; CG1>E');
    tree.flows.f3.target = 'A';
    tree.activities.A.incoming.push('f3');
    tree.activities.B.incoming = [];
    const error = schemaError(() => undefined, tree);
    expect(error.message).toBe('gateways.PG1.outgoing: flows "f2" and "f3" both lead to node "A"');
  });

  it('rejects a SubProcess whose pipeline id differs from the node id', () => {
    const error = schemaError((tree) => (tree.activities.SP1.pipeline.id = 'other'), subprocessTree());
    expect(error.path).toBe('activities.SP1.pipeline.id');
  });

  it('rejects a missing SubProcess params object', () => {
    const error = schemaError((tree) => delete tree.activities.SP1.params, subprocessTree());
    expect(error.path).toBe('activities.SP1.params');
  });

  it('names paths inside nested pipelines', () => {
    const error = schemaError(
      (tree) => (tree.activities.SP1.pipeline.activities.SP1_A.retryable = 1),
      subprocessTree(),
    );
    expect(error.message).toBe('activities.SP1.pipeline.activities.SP1_A.retryable: expected a boolean, got number');
  });

  it('rejects an id used at two nesting levels', () => {
    const error = schemaError((tree) => {
      const nested = tree.activities.SP1.pipeline;
      nested.activities.A = { ...nested.activities.SP1_A, id: 'A' };
      delete nested.activities.SP1_A;
      nested.flows.SP1_f1.target = 'A';
      nested.flows.SP1_f2.source = 'A';
    }, subprocessTree());
    expect(error.message).toBe(
      'activities.A.id: duplicate id "A", already used at activities.SP1.pipeline.activities.A.id',
    );
  });
});

describe('parsePipelineTree and a `__proto__` key', () => {
  it('keeps it as the own key JSON.parse made it, so the entry is validated instead of vanishing', () => {
    const tree = JSON.parse(readFileSync(join(FIXTURES, 'one_node.json'), 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(tree).replace('"gateways":{}', '"gateways":{"__proto__":{"id":"__proto__"}}');
    expect(text).toContain('__proto__');
    expect(() => parsePipelineTree(JSON.parse(text))).toThrow('gateways.__proto__');
  });
});
