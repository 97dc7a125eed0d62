import { BuilderError } from '../builder.error';
import { Data, Params, pipelineDataToJson } from './data';
import { InitializedRewritableNodeOutput, NodeOutput, RewritableNodeOutput } from './node-output';
import { DataInput, Var } from './var';

// One block per row of spec 02 §9.1.
describe('variable serialisation (spec 02 §9.1)', () => {
  it('Var: {type, value}, custom_type only for lazy', () => {
    expect(new Var(Var.PLAIN, 1).toJSON()).toStrictEqual({ type: 'plain', value: 1 });
    expect(new Var(Var.SPLICE, 'hi ${x}').toJSON()).toStrictEqual({ type: 'splice', value: 'hi ${x}' });
    expect(new Var(Var.LAZY, { a: 1 }, 'ip_selector').toJSON()).toStrictEqual({
      type: 'lazy',
      value: { a: 1 },
      custom_type: 'ip_selector',
    });
    // A custom type on a non-lazy Var is not serialised (bamboo-engine drops it too).
    expect(new Var(Var.PLAIN, 1, 'ignored').toJSON()).toStrictEqual({ type: 'plain', value: 1 });
  });

  it('Var static names are the JSON type strings', () => {
    expect([Var.PLAIN, Var.SPLICE, Var.LAZY]).toEqual(['plain', 'splice', 'lazy']);
  });

  it('a lazy Var without custom type is refused', () => {
    expect(() => new Var(Var.LAZY, 1)).toThrow(BuilderError);
  });

  it('Var values are copied, so later changes to the source object do not leak into the tree', () => {
    const value = { list: [1] };
    const json = new Var(Var.PLAIN, value).toJSON();
    value.list.push(2);
    expect(json.value).toEqual({ list: [1] });
  });

  it('DataInput: Var JSON + is_param', () => {
    expect(new DataInput(Var.PLAIN, 'default').toJSON()).toStrictEqual({
      type: 'plain',
      value: 'default',
      is_param: true,
    });
    expect(new DataInput(Var.LAZY, 'v', 'code').toJSON()).toStrictEqual({
      type: 'lazy',
      value: 'v',
      custom_type: 'code',
      is_param: true,
    });
  });

  it('NodeOutput: {type, value: null, source_act, source_key}, default type plain', () => {
    expect(new NodeOutput({ sourceAct: 'e1', sourceKey: 'out' }).toJSON()).toStrictEqual({
      type: 'plain',
      value: null,
      source_act: 'e1',
      source_key: 'out',
    });
    expect(new NodeOutput({ sourceAct: 'e1', sourceKey: 'out', type: 'splice' }).toJSON().type).toBe('splice');
  });

  it('RewritableNodeOutput: {type, value: null, source_act: [...]}', () => {
    const sourceAct = [
      { source_act: 'e1', source_key: 'a' },
      { source_act: 'e2', source_key: 'b' },
    ];
    expect(new RewritableNodeOutput({ sourceAct }).toJSON()).toStrictEqual({
      type: 'plain',
      value: null,
      source_act: sourceAct,
    });
  });

  it('InitializedRewritableNodeOutput: {type, value, source_act: [...], need_initialization: true}', () => {
    const sourceAct = [{ source_act: 'e1', source_key: 'a' }];
    expect(new InitializedRewritableNodeOutput({ sourceAct, type: 'plain', value: 0 }).toJSON()).toStrictEqual({
      type: 'plain',
      value: 0,
      source_act: sourceAct,
      need_initialization: true,
    });
  });

  it('Data: {inputs, outputs, pre_render_keys}; raw variable objects are copied as-is', () => {
    const raw = { type: 'plain' as const, value: 'r', source_tag: 'editor.meta' };
    const data = new Data({
      inputs: { '${a}': new Var(Var.PLAIN, 1), '${raw}': raw },
      outputs: ['${a}'],
      preRenderKeys: ['${a}'],
    });
    expect(data.toJSON()).toStrictEqual({
      inputs: { '${a}': { type: 'plain', value: 1 }, '${raw}': raw },
      outputs: ['${a}'],
      pre_render_keys: ['${a}'],
    });
    expect(data.toJSON().inputs['${raw}']).not.toBe(raw);
    expect(new Data().toJSON()).toStrictEqual({ inputs: {}, outputs: [], pre_render_keys: [] });
  });

  it('Data keeps input key order', () => {
    const data = new Data();
    data.inputs['${z}'] = new Var(Var.PLAIN, 1);
    data.inputs['${a}'] = new Var(Var.PLAIN, 2);
    expect(Object.keys(data.toJSON().inputs)).toEqual(['${z}', '${a}']);
  });

  it('a raw PipelineData is copied as-is and undefined data gives the builder default', () => {
    const raw = { inputs: { '${x}': { type: 'plain' as const, value: 1 } }, outputs: ['${x}'] };
    expect(pipelineDataToJson(raw)).toStrictEqual(raw);
    expect(pipelineDataToJson(undefined)).toStrictEqual({ inputs: {}, outputs: [] });
  });

  it('Params: {key: VarJson}', () => {
    const params = new Params({
      '${sub_input}': new Var(Var.SPLICE, '${parent}'),
      '${raw}': { type: 'plain', value: 3 },
    });
    expect(params.toJSON()).toStrictEqual({
      '${sub_input}': { type: 'splice', value: '${parent}' },
      '${raw}': { type: 'plain', value: 3 },
    });
  });

  it('JSON.stringify uses the same serialisation', () => {
    expect(JSON.parse(JSON.stringify({ v: new DataInput(Var.PLAIN, 1) }))).toEqual({
      v: { type: 'plain', value: 1, is_param: true },
    });
  });
});
