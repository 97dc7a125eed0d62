/** A context could not be turned into plain values (lazy variable error, unknown code, cycle). */
export class HydrationError extends Error {}
