/**
 * Trailing comment of a statement sent in the same round trip as the one before it (a MySQL
 * multi-statement text: a commit's batch, or reads grouped together). Statement counters count it
 * as a statement but not as a round trip; it is in the SQL text, as the server's logs then show
 * which statements travelled together.
 */
export const BATCHED_MARK = '/* bamboo:batched */';
