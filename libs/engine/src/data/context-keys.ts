/** `${name}` → `name`; other strings are returned unchanged. */
export function deformatKey(key: string): string {
  return key.startsWith('${') && key.endsWith('}') ? key.slice(2, -1) : key;
}

/** `name` → `${name}`; already formatted keys are returned unchanged. */
export function formatKey(key: string): string {
  return key.startsWith('${') && key.endsWith('}') ? key : `\${${key}}`;
}

/** Keys mapped to deformatted names, as templates and conditions expect them. */
export function deformatKeys(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) out[deformatKey(key)] = value;
  return out;
}
