import { extractReferences } from '../expression';
import { formatKey } from './context-keys';

/** Template references of a JSON value as context keys (`${name}`), whatever form the parser returns. */
export function referencesOf(value: unknown): string[] {
  return [...new Set(extractReferences(value).map(formatKey))];
}
