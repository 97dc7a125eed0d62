import {
  ArrayItemSchema,
  BooleanItemSchema,
  DEFAULT_OUTPUTS,
  FloatItemSchema,
  formatProblems,
  InputItem,
  IntItemSchema,
  ObjectItemSchema,
  OutputItem,
  StringItemSchema,
} from '.';

describe('input and output items (spec 07 §5)', () => {
  it('serialises an input item with its schema', () => {
    const item = new InputItem({
      name: 'integer n',
      key: 'n',
      type: 'int',
      schema: new IntItemSchema({ description: 'an integer', enum: [1, 2] }),
    });
    expect(item.serialize()).toEqual({
      name: 'integer n',
      key: 'n',
      type: 'int',
      required: true,
      schema: { type: 'int', description: 'an integer', enum: [1, 2] },
    });
  });

  it('serialises an output item without required and with {} when no schema is given', () => {
    expect(new OutputItem({ name: 'r', key: 'r', type: 'string' }).serialize()).toEqual({
      name: 'r',
      key: 'r',
      type: 'string',
      schema: {},
    });
  });

  it('serialises nested array and object schemas', () => {
    const schema = new ObjectItemSchema({
      description: 'a user',
      propertySchemas: {
        name: new StringItemSchema(),
        tags: new ArrayItemSchema({ itemSchema: new StringItemSchema({ description: 'tag' }) }),
        score: new FloatItemSchema(),
        active: new BooleanItemSchema(),
      },
    });
    expect(schema.serialize()).toEqual({
      type: 'object',
      description: 'a user',
      enum: [],
      properties: {
        name: { type: 'string', description: '', enum: [] },
        tags: { type: 'array', description: '', enum: [], items: { type: 'string', description: 'tag', enum: [] } },
        score: { type: 'float', description: '', enum: [] },
        active: { type: 'boolean', description: '', enum: [] },
      },
    });
  });

  it('rejects non-schema nested values', () => {
    expect(() => new ArrayItemSchema({ itemSchema: {} as never })).toThrow(TypeError);
    expect(() => new ObjectItemSchema({ propertySchemas: { a: 'x' } as never })).toThrow(/property "a"/);
    expect(() => new OutputItem({ name: 'x', key: 'x', type: 'int', schema: {} as never })).toThrow(TypeError);
  });

  it('validity: type must equal schema type', () => {
    const good = new InputItem({ name: 'n', key: 'n', type: 'int', schema: new IntItemSchema() });
    const bad = new OutputItem({ name: 's', key: 's', type: 'int', schema: new StringItemSchema() });
    expect(formatProblems([good.serialize()], [])).toEqual([]);
    expect(formatProblems([], [bad.serialize()])).toEqual([
      'output[0] "s": type "int" differs from its schema type "string"',
    ]);
    expect(formatProblems([{ ...good.serialize(), extra: 1 } as never], [])[0]).toMatch(/keys must be exactly/);
  });

  it('declares the three default outputs', () => {
    expect(DEFAULT_OUTPUTS.map((item) => item.key)).toEqual(['_result', '_loop', '_inner_loop']);
  });
});
