import type { SerializedInputItem, SerializedOutputItem } from './io-item';
import type { SerializedItemSchema } from './item-schema';

const OUTPUT_KEYS = ['key', 'name', 'schema', 'type'];
const INPUT_KEYS = ['key', 'name', 'required', 'schema', 'type'];
const SCHEMA_KEYS: Record<string, string[]> = {
  array: ['description', 'enum', 'items', 'type'],
  object: ['description', 'enum', 'properties', 'type'],
};
const PLAIN_SCHEMA_KEYS = ['description', 'enum', 'type'];

function sameKeys(value: object, expected: string[]): boolean {
  const keys = Object.keys(value).sort();
  return keys.length === expected.length && keys.every((key, i) => key === expected[i]);
}

function schemaProblems(schema: SerializedItemSchema, where: string): string[] {
  const expected = SCHEMA_KEYS[schema.type] ?? PLAIN_SCHEMA_KEYS;
  const problems: string[] = [];
  if (!sameKeys(schema, expected)) {
    problems.push(`${where}: schema keys must be exactly ${expected.join(', ')}`);
  }
  if (schema.items) problems.push(...schemaProblems(schema.items, `${where}.items`));
  for (const [key, nested] of Object.entries(schema.properties ?? {})) {
    problems.push(...schemaProblems(nested, `${where}.properties.${key}`));
  }
  return problems;
}

function itemProblems(item: SerializedOutputItem, expectedKeys: string[], where: string): string[] {
  const problems: string[] = [];
  if (!sameKeys(item, expectedKeys)) problems.push(`${where}: keys must be exactly ${expectedKeys.join(', ')}`);
  if (Object.keys(item.schema).length > 0) {
    const schema = item.schema as SerializedItemSchema;
    if (schema.type !== item.type) {
      problems.push(`${where}: type "${item.type}" differs from its schema type "${schema.type}"`);
    }
    problems.push(...schemaProblems(schema, `${where}.schema`));
  }
  return problems;
}

/** Checks serialised format declarations against the validity rules of spec 07 §5; empty = valid. */
export function formatProblems(inputs: SerializedInputItem[], outputs: SerializedOutputItem[]): string[] {
  return [
    ...inputs.flatMap((item, i) => itemProblems(item, INPUT_KEYS, `input[${i}] "${item.key}"`)),
    ...outputs.flatMap((item, i) => itemProblems(item, OUTPUT_KEYS, `output[${i}] "${item.key}"`)),
  ];
}
