/** Counter snapshots keyed by name; the delta keeps names whose count grew. */
export type Counters = Record<string, number>;

export function counterDelta(before: Counters, after: Counters): Counters {
  const out: Counters = {};
  for (const [name, value] of Object.entries(after)) {
    const diff = value - (before[name] ?? 0);
    if (diff > 0) out[name] = diff;
  }
  return out;
}

export function sumCounters(counters: Counters): number {
  return Object.values(counters).reduce((sum, v) => sum + v, 0);
}

/** Per-command call counts from the text of Redis `INFO commandstats`. */
export function parseCommandStats(text: string): Counters {
  const out: Counters = {};
  for (const match of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out[match[1]!] = Number(match[2]);
  return out;
}
