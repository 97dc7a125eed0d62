/** Builder-format id prefixes: `e` elements (nodes), `f` flows, `p` pipelines. */
export type IdPrefix = 'e' | 'f' | 'p';

/**
 * Makes one fresh id for the given prefix. Ids are the only non-deterministic thing the builder
 * needs, so they come in through this function: tests inject a counter, production uses
 * `uuidIdGenerator`. Ids must be unique across every tree that may run at the same time.
 */
export type IdGenerator = (prefix: IdPrefix) => string;
