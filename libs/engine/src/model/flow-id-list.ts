/**
 * Reads an `incoming`/`outgoing` value as a list of flow ids, the way bamboo-engine's
 * `format_to_list` does: a list stays, `""`/null/absent becomes `[]`, a single id becomes `[id]`.
 */
export function toFlowIdList(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (value === '' || value === null || value === undefined) return [];
  return [value as string];
}
