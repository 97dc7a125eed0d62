import { renderTemplate } from '../expression';
import { referencesOf } from './references';
import type { NodeInput } from '../runtime/runtime-records';
import { deformatKeys } from './context-keys';

/** `R0` of spec 04 §5: the template references of the inputs that need rendering. */
export function referencesOfInputs(inputs: Record<string, NodeInput>): string[] {
  const refs = new Set<string>();
  for (const input of Object.values(inputs)) {
    if (input.needRender) for (const ref of referencesOf(input.value)) refs.add(ref);
  }
  return [...refs];
}

/**
 * Renders `needRender` inputs with the hydrated context (`${key}` keys) and copies the others
 * verbatim (spec 04 §5 step 6).
 */
export function renderInputs(
  inputs: Record<string, NodeInput>,
  hydrated: Record<string, unknown>,
): Record<string, unknown> {
  const variables = deformatKeys(hydrated);
  const out: Record<string, unknown> = {};
  for (const [key, input] of Object.entries(inputs)) {
    out[key] = input.needRender ? renderTemplate(input.value, variables) : input.value;
  }
  return out;
}
