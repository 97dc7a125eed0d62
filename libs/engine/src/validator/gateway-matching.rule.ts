import type { ExclusiveGatewayNode, PipelineTree } from '../model/pipeline-tree';
import { ConvergeMatchError } from './errors/converge-match.error';
import { isParallelType, prepareGateways, type GatewayInfo, type GatewayPreparation } from './gateway-preparation';

interface MatchState {
  match: string | null;
  shared: boolean;
  convergeEnd: boolean;
}

type MatchResult = [converge: string | null, shared: boolean];

/**
 * Spec 05 §5: pairs every diverging gateway of one level with its converge gateway and writes
 * `converge_gateway_id` (removing a stale value from a dangling exclusive gateway). Returns the
 * pairings, converge id → gateways matched to it, in matching order.
 */
export function matchGateways(tree: PipelineTree): Map<string, string[]> {
  const matcher = new GatewayMatcher(prepareGateways(tree), tree.end_event.id);
  matcher.run();
  for (const [id, state] of matcher.states) {
    const gateway = tree.gateways[id] as ExclusiveGatewayNode;
    if (state.match) gateway.converge_gateway_id = state.match;
    else delete gateway.converge_gateway_id;
  }
  return matcher.converged;
}

class GatewayMatcher {
  readonly states = new Map<string, MatchState>();
  readonly converged = new Map<string, string[]>();
  private readonly blocks = new Map<string, Set<string | null>>();

  constructor(
    private readonly prep: GatewayPreparation,
    private readonly endId: string,
  ) {
    for (const id of prep.order) this.states.set(id, { match: null, shared: false, convergeEnd: false });
  }

  run(): void {
    const processed = new Set<string>();
    for (const id of this.prep.order) {
      if (processed.has(id)) continue;
      processed.add(id);
      this.blocks.set(id, new Set());
      this.match(id, id, []);
    }
  }

  private isDiverging(id: string | null): id is string {
    return id !== null && this.states.has(id);
  }

  private isConverge(id: string | null): id is string {
    return id !== null && this.prep.all.get(id)?.type === 'ConvergeGateway';
  }

  private info(id: string): GatewayInfo {
    return this.prep.all.get(id) as GatewayInfo;
  }

  private dist(id: string): number {
    return this.prep.dist.get(id) ?? 0;
  }

  private match(id: string, block: string, stack: GatewayInfo[]): MatchResult {
    const state = this.states.get(id);
    if (!state) return [null, false];
    if (state.match) return [state.match, state.shared];
    const gateway = this.info(id);
    const targets = gateway.targets;
    stack.push(gateway);
    const onStack = new Set(stack.map((item) => item.id));
    for (let i = 0; i < targets.length; i++) this.resolveTarget(gateway, i, block, stack, onStack);
    stack.pop();

    const [converge, effectiveBranches, convergeEnd] = this.classify(gateway, stack);
    const shared = this.sharing(gateway, converge, effectiveBranches);
    state.match = converge;
    state.shared = shared;
    state.convergeEnd = convergeEnd;
    if (converge !== null) this.converged.set(converge, [...(this.converged.get(converge) ?? []), id]);
    this.blocks.get(block)?.add(id);
    return [converge, shared];
  }

  /** Step 4: follows branch `i` past inner blocks until it reaches a converge gateway, the end or nothing. */
  private resolveTarget(gateway: GatewayInfo, i: number, block: string, stack: GatewayInfo[], onStack: Set<string>) {
    const targets = gateway.targets;
    if (this.inOtherBlock(targets[i] ?? null, block)) {
      targets[i] = null;
      return;
    }
    this.blocks.get(block)?.add(targets[i] ?? null);
    let target = targets[i] ?? null;
    while (this.isDiverging(target) && target !== gateway.id) {
      if (onStack.has(target)) {
        // A path back to an enclosing gateway: harmless between exclusive gateways, not out of a parallel block.
        if (!hasParallelFrom(stack, target)) {
          target = null;
          break;
        }
        throw new ConvergeMatchError(gateway.id, 'E1');
      }
      const [converge, shared] = this.match(target, block, stack);
      if (converge === null) {
        target = this.endId;
        continue;
      }
      target = converge;
      if (!shared || !this.mayShare(gateway, converge)) target = this.info(converge).targets[0] ?? null;
    }
    if (this.isConverge(target) && this.dist(target) < this.dist(gateway.id)) target = null;
    targets[i] = target;
  }

  private inOtherBlock(target: string | null, block: string): boolean {
    for (const [start, nodes] of this.blocks) if (start !== block && nodes.has(target)) return true;
    return false;
  }

  /** Step 6: returns the converge gateway, the number of branches that converge, and `converge_end`. */
  private classify(gateway: GatewayInfo, stack: GatewayInfo[]): [string | null, number, boolean] {
    const isExclusive = gateway.type === 'ExclusiveGateway';
    let converge: string | null = null;
    let branches = gateway.targets.length;
    let convergeEnd = false;
    for (const target of gateway.targets) {
      if (this.isConverge(target) && converge === null) converge = target;
      else if (this.isConverge(target) && converge === target) continue;
      else if (isExclusive && target === this.endId) {
        if (hasParallelFrom(stack)) throw new ConvergeMatchError(gateway.id, 'E1');
        convergeEnd = true;
      } else if (isExclusive && (target === gateway.id || target === null)) branches -= 1;
      else if (isExclusive && this.isConverge(target)) throw new ConvergeMatchError(gateway.id, 'E2');
      else {
        const detail = `gateway: ${gateway.id}, targets: ${JSON.stringify(gateway.targets)}`;
        throw new ConvergeMatchError(gateway.id, 'E3', detail);
      }
    }
    return [converge, branches, convergeEnd];
  }

  /** Step 7: whether the converge gateway also closes other gateways' branches. */
  private sharing(gateway: GatewayInfo, converge: string | null, branches: number): boolean {
    if (converge === null) return false;
    if (gateway.type === 'ExclusiveGateway') {
      return (this.prep.positiveIn.get(converge) ?? 0) > branches || this.converged.has(converge);
    }
    const incoming = this.info(converge).incoming.length;
    const outgoing = gateway.targets.length;
    if (incoming < outgoing) throw new ConvergeMatchError(converge, 'E5');
    if (incoming === outgoing) return false;
    if (this.hasParallelMatched(converge, gateway.id)) throw new ConvergeMatchError(converge, 'E4');
    return true;
  }

  /** An exclusive gateway may always share; a parallel one only a converge no other parallel one owns. */
  private mayShare(gateway: GatewayInfo, converge: string): boolean {
    return !isParallelType(gateway.type) || !this.hasParallelMatched(converge, gateway.id);
  }

  private hasParallelMatched(converge: string, except: string): boolean {
    const matched = this.converged.get(converge) ?? [];
    return matched.some((id) => id !== except && isParallelType(this.info(id).type));
  }
}

/** Whether a parallel-type gateway is on `stack` at or above `from` (the whole stack by default). */
function hasParallelFrom(stack: GatewayInfo[], from?: string): boolean {
  const start =
    from === undefined
      ? 0
      : Math.max(
          0,
          stack.findIndex((item) => item.id === from),
        );
  return stack.slice(start).some((item) => isParallelType(item.type));
}
