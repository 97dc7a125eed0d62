import { type IdGenerator } from './id-generator';

// Typed structurally so the engine does not need Node's typings: Web Crypto's `randomUUID` is a
// global in Node >= 19 and in browsers.
interface WebCrypto {
  randomUUID(): string;
}

/**
 * The default id generator: `prefix + uuid4 hex` (33 characters), the format bamboo-engine's
 * `unique_id` produces. Ids are the engine's only randomness; every function that makes ids
 * accepts an `IdGenerator` so callers (and tests) can inject deterministic ones instead.
 */
export const uuidIdGenerator: IdGenerator = (prefix) => {
  const crypto = (globalThis as unknown as { crypto: WebCrypto }).crypto;
  return prefix + crypto.randomUUID().replace(/-/g, '');
};
