/**
 * Reads typed values from an environment map and records every problem instead of throwing on the
 * first one, so that the caller can report all bad variables together.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  /** Unset and blank are the same: a variable exported empty by a shell script means "not set". */
  optional(name: string): string | undefined {
    const raw = this.env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problems.push(`${name}: expected an integer between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name}: expected true or false, got "${raw}"`);
    return fallback;
  }

  list(name: string, fallback: readonly string[] = []): string[] {
    const raw = this.optional(name);
    if (raw === undefined) return [...fallback];
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: expected one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }

  /** Every item of a comma list must be allowed; bad items are reported together. */
  subsetOf<T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
    const items = this.list(name, fallback);
    const bad = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (bad.length > 0) {
      this.problems.push(`${name}: unknown value(s) ${bad.join(', ')} (allowed: ${allowed.join(', ')})`);
      return [...fallback];
    }
    return [...new Set(items)] as T[];
  }

  fail(name: string, message: string): void {
    this.problems.push(`${name}: ${message}`);
  }
}
