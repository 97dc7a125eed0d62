/** One entry of `GET /pipelines/{id}/states` (spec 06 B.4), the fields the bench reads. */
export interface StateEntry {
  id: string;
  state: string;
  version?: string;
  started_time?: string | null;
  archived_time?: string | null;
  children?: Record<string, StateEntry>;
}

/** Every entry of a states answer, the root included, whether children are flat or nested. */
export function flattenStates(states: Record<string, StateEntry>): Map<string, StateEntry> {
  const out = new Map<string, StateEntry>();
  const stack: StateEntry[] = Object.values(states);
  for (let guard = 0; stack.length > 0 && guard < 10_000_000; guard++) {
    const entry = stack.pop()!;
    out.set(entry.id, entry);
    stack.push(...Object.values(entry.children ?? {}));
  }
  return out;
}

export function timeOf(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
