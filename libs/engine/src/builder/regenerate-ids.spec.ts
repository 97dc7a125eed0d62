import { type PipelineTree } from '../model';
import {
  buildTree,
  BuilderError,
  canonicaliseIds,
  ConvergeGateway,
  Data,
  EmptyEndEvent,
  EmptyStartEvent,
  ExclusiveGateway,
  InitializedRewritableNodeOutput,
  NodeOutput,
  ParallelGateway,
  regenerateIds,
  RewritableNodeOutput,
  ServiceActivity,
  SubProcess,
  Var,
} from '.';
import { allIds, brokenReferences, idsIn } from './tree-references.test-helper';

describe('regenerateIds on a tree using every kind of reference', () => {
  /** A tree with lazy inputs, node outputs of every form, a default branch and a SubProcess. */
  function referenceRichTree(): {
    tree: PipelineTree;
    act: ServiceActivity;
    consumer: ServiceActivity;
    nested: ServiceActivity;
  } {
    const nested = new ServiceActivity({ componentCode: 'nested' });
    nested.component.inputs.host = new Var(Var.LAZY, '${h}', 'ip_selector');
    const subStart = new EmptyStartEvent();
    subStart.extend(nested).extend(new EmptyEndEvent());
    const sub = new SubProcess({
      start: subStart,
      data: new Data({ outputs: [`\${host_${nested.id}}`], preRenderKeys: [`\${host_${nested.id}}`] }),
    });
    const act = new ServiceActivity({ componentCode: 'producer' });
    act.component.inputs.ip_list = new Var(Var.LAZY, 'raw', 'ip_selector');
    const consumer = new ServiceActivity({ componentCode: 'consumer' });
    consumer.component.inputs.text = new Var(Var.SPLICE, `ips: \${ip_list_${act.id}} and \${other}`);
    const eg = new ExclusiveGateway({
      conditions: { 0: `\${ip_list_${act.id}} == "x"`, 1: 'True' },
      defaultConditionOutgoing: 1,
    });
    const pg = new ParallelGateway();
    const cg = new ConvergeGateway();
    const start = new EmptyStartEvent();
    const end = new EmptyEndEvent();
    start.extend(act).extend(pg).connect(consumer, sub).converge(cg).extend(eg).connect(end, end);
    const data = new Data({
      inputs: {
        '${out}': new NodeOutput({ sourceAct: act.id, sourceKey: 'result' }),
        '${nested_out}': new NodeOutput({ sourceAct: sub.id, sourceKey: `\${host_${nested.id}}` }),
        '${either}': new RewritableNodeOutput({
          sourceAct: [
            { source_act: act.id, source_key: 'a' },
            { source_act: consumer.id, source_key: 'b' },
          ],
        }),
        '${init}': new InitializedRewritableNodeOutput({
          sourceAct: [{ source_act: consumer.id, source_key: 'c' }],
          type: 'plain',
          value: `\${ip_list_${act.id}}`,
        }),
      },
      outputs: ['${out}', `\${ip_list_${act.id}}`],
      preRenderKeys: [`\${ip_list_${act.id}}`],
    });
    const tree = buildTree(start, { data });
    // What validation adds: converge gateway pairing.
    const pgNode = tree.gateways[pg.id];
    if (pgNode) pgNode.converge_gateway_id = cg.id;
    return { tree, act, consumer, nested };
  }

  const { tree: template, act, consumer, nested } = referenceRichTree();
  const { tree, idMap } = regenerateIds(template);
  const newAct = idMap.get(act.id)!;
  const newNested = idMap.get(nested.id)!;
  const newConsumer = idMap.get(consumer.id)!;

  it('keeps references consistent and the structure equal', () => {
    expect(brokenReferences(tree)).toEqual([]);
    expect(canonicaliseIds(tree)).toEqual(canonicaliseIds(template));
    const survivors = idsIn(JSON.stringify(tree));
    expect(allIds(template).filter((id) => survivors.has(id))).toEqual([]);
  });

  it('rewrites source_act in string and list form', () => {
    const inputs = tree.data.inputs;
    expect(inputs['${out}']).toEqual({ type: 'plain', value: null, source_act: newAct, source_key: 'result' });
    expect(inputs['${either}']?.source_act).toEqual([
      { source_act: newAct, source_key: 'a' },
      { source_act: newConsumer, source_key: 'b' },
    ]);
    expect(inputs['${init}']).toMatchObject({
      source_act: [{ source_act: newConsumer, source_key: 'c' }],
      need_initialization: true,
    });
  });

  it('rewrites context keys derived from node ids (lazy inputs, spec 04 §3)', () => {
    const derived = `\${ip_list_${newAct}}`;
    expect(tree.data.outputs).toEqual(['${out}', derived]);
    expect(tree.data.pre_render_keys).toEqual([derived]);
    expect(tree.data.inputs['${init}']?.value).toBe(derived);
    const consumerNode = tree.activities[newConsumer];
    if (consumerNode?.type !== 'ServiceActivity') throw new Error('consumer missing');
    expect(consumerNode.component.inputs.text?.value).toBe(`ips: ${derived} and \${other}`);
    const eg = Object.values(tree.gateways).find((g) => g.type === 'ExclusiveGateway');
    if (eg?.type !== 'ExclusiveGateway') throw new Error('gateway missing');
    expect(Object.values(eg.conditions).map((c) => c.evaluate)).toEqual([`${derived} == "x"`, 'True']);
    expect(eg.default_condition?.flow_id).toBe(eg.outgoing[1]);
  });

  it('rewrites nested derived keys used as SubProcess output keys', () => {
    const nestedKey = `\${host_${newNested}}`;
    expect(tree.data.inputs['${nested_out}']?.source_key).toBe(nestedKey);
    const sub = Object.values(tree.activities).find((a) => a.type === 'SubProcess');
    if (sub?.type !== 'SubProcess') throw new Error('subprocess missing');
    expect(sub.pipeline.id).toBe(sub.id);
    expect(sub.pipeline.data.outputs).toEqual([nestedKey]);
    expect(sub.pipeline.data.pre_render_keys).toEqual([nestedKey]);
    expect(Object.keys(sub.pipeline.activities)).toEqual([newNested]);
  });

  it('rewrites converge_gateway_id', () => {
    const pg = Object.values(tree.gateways).find((g) => g.type === 'ParallelGateway');
    const cg = Object.values(tree.gateways).find((g) => g.type === 'ConvergeGateway');
    expect(pg?.converge_gateway_id).toBe(cg?.id);
  });
});

describe('regenerateIds on hand-written trees', () => {
  /** A minimal tree with readable ids, in the forms upper layers send. */
  function handWritten(): PipelineTree {
    return {
      id: 'root',
      start_event: { id: 'start', type: 'EmptyStartEvent', incoming: '', outgoing: 'l1' },
      end_event: { id: 'end', type: 'EmptyEndEvent', incoming: 'l2', outgoing: '' },
      activities: {
        act_1: {
          id: 'act_1',
          type: 'ServiceActivity',
          incoming: 'l1',
          outgoing: 'l2',
          component: { code: 'c', inputs: { act_1: { type: 'plain', value: 'act_1' } } },
          error_ignorable: false,
          skippable: true,
          retryable: true,
        },
      },
      gateways: {},
      flows: {
        l1: { id: 'l1', source: 'start', target: 'act_1' },
        l2: { id: 'l2', source: 'act_1', target: 'end' },
      },
      data: {
        inputs: {
          '${x_act_1}': { type: 'splice', value: '${y_act_1} ${act_10}' },
          '${dangling}': { type: 'plain', value: null, source_act: 'nowhere', source_key: 'k' },
        },
        outputs: { '${x_act_1}': 'editor meta' } as unknown as string[],
      },
      location: [{ id: 'act_1', x: 1 }],
    };
  }

  it('uses the injected id generator and keeps single-string incoming lists as strings', () => {
    let n = 0;
    const { tree, idMap } = regenerateIds(handWritten(), { idGenerator: (prefix) => `${prefix}${++n}` });
    expect(idMap).toEqual(
      new Map([
        ['root', 'p1'],
        ['start', 'e2'],
        ['end', 'e3'],
        ['act_1', 'e4'],
        ['l1', 'f5'],
        ['l2', 'f6'],
      ]),
    );
    expect(tree.end_event.incoming).toBe('f6');
    expect(tree.activities.e4?.incoming).toBe('f5');
    // Only the deliberately dangling source_act is broken, as it was in the input.
    expect(brokenReferences(tree)).toEqual(['source_act nowhere']);
  });

  it('renames derived keys of ids containing underscores, and nothing else', () => {
    let n = 0;
    const { tree } = regenerateIds(handWritten(), { idGenerator: (prefix) => `${prefix}${++n}` });
    expect(Object.keys(tree.data.inputs)).toEqual(['${x_e4}', '${dangling}']);
    // `act_10` is not a node id; a component input name and a plain value equal to an id are data.
    expect(tree.data.inputs['${x_e4}']?.value).toBe('${y_e4} ${act_10}');
    expect(tree.activities.e4?.type === 'ServiceActivity' && tree.activities.e4.component.inputs).toEqual({
      act_1: { type: 'plain', value: 'act_1' },
    });
    expect(tree.data.outputs).toEqual({ '${x_e4}': 'editor meta' });
  });

  it('leaves dangling references and unknown keys as they are', () => {
    const { tree } = regenerateIds(handWritten());
    expect(tree.data.inputs['${dangling}']?.source_act).toBe('nowhere');
    expect(tree.location).toEqual([{ id: 'act_1', x: 1 }]);
  });

  it('refuses an id generator that repeats itself', () => {
    expect(() => regenerateIds(handWritten(), { idGenerator: (prefix) => `${prefix}same` })).toThrow(BuilderError);
  });

  it('the consistency checker notices a broken reference', () => {
    const { tree } = regenerateIds(handWritten());
    const flow = Object.values(tree.flows)[0]!;
    flow.target = 'elsewhere';
    expect(brokenReferences(tree)).not.toEqual([]);
  });
});
