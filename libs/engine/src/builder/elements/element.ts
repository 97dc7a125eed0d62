import { BuilderError } from '../builder.error';
import { type IdGenerator } from '../id-generator';
import { uuidIdGenerator } from '../uuid-id-generator';

export interface ElementOptions {
  /** Node id; default `'e' + 32 hex` from `idGenerator`. */
  id?: string;
  name?: string | null;
  outgoing?: Element[];
  idGenerator?: IdGenerator;
}

/**
 * A node of the graph being assembled. Edges live only in `outgoing` (ordered: the order is the
 * branch order of gateways); `buildTree` derives flows and `incoming` from them.
 */
export abstract class Element {
  readonly id: string;
  name: string | null;
  outgoing: Element[];

  constructor(opts: ElementOptions = {}) {
    this.id = opts.id ?? (opts.idGenerator ?? uuidIdGenerator)('e');
    this.name = opts.name ?? null;
    this.outgoing = opts.outgoing ?? [];
  }

  /** The node `type` written into the tree. */
  abstract type(): string;

  /** Adds one edge and returns the target, so chains read left to right. */
  extend<T extends Element>(next: T): T {
    this.outgoing.push(next);
    return next;
  }

  /** Adds an edge to each target in order and returns this element (fan-out). */
  connect(...targets: Element[]): this {
    this.outgoing.push(...targets);
    return this;
  }

  /** Joins the tail of every outgoing branch to `target` and returns it (fan-in). */
  converge<T extends Element>(target: T): T {
    for (const branch of this.outgoing) branch.tail().connect(target);
    return target;
  }

  /** Changes the subject of a chain without adding an edge. */
  to<T extends Element>(other: T): T {
    return other;
  }

  /** Follows first edges until an element without outgoing edges. */
  tail(): Element {
    let current = this.outgoing[0];
    if (!current) return this;
    const seen = new Set<Element>([this]);
    for (let next = current.outgoing[0]; next; next = current.outgoing[0]) {
      // The original loops forever on a cycle; report it instead.
      if (seen.has(current)) throw new BuilderError(`tail() of ${this.id} runs into a cycle`, { elementId: this.id });
      seen.add(current);
      current = next;
    }
    return current;
  }
}
