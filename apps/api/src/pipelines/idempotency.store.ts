import { Injectable } from '@nestjs/common';

interface Remembered {
  fingerprint: string;
  response: unknown;
}

/**
 * Remembers the answer to a command sent with an `Idempotency-Key` (spec 06 A.2, A.14), so that a
 * client retrying after a lost response gets the first answer instead of a second run. Bounded LRU
 * in this process; a repeated run of the same pipeline id on another API replica is still refused by
 * the engine (409), so nothing runs twice.
 */
@Injectable()
export class IdempotencyStore {
  private readonly entries = new Map<string, Remembered>();
  private readonly capacity = 10_000;

  recall(key: string, fingerprint: string): { hit: true; response: unknown } | { hit: false } | { conflict: true } {
    const entry = this.entries.get(key);
    if (!entry) return { hit: false };
    if (entry.fingerprint !== fingerprint) return { conflict: true };
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { hit: true, response: entry.response };
  }

  remember(key: string, fingerprint: string, response: unknown): void {
    this.entries.set(key, { fingerprint, response });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
