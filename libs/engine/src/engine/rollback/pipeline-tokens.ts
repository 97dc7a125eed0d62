import type { NodeDefinition, RunDefinition } from '../../runtime/node-definition';

/**
 * The rollback token of every node of a run (spec 02 §10): nodes of one sequential region share a
 * token, each parallel branch and each subprocess body gets its own. Computed from the immutable
 * run definition instead of being stored, so tokens are deterministic (`t` + a counter in hex) and
 * only ever compared with each other.
 */
export function pipelineTokens(run: RunDefinition): Record<string, string> {
  return new TokenWalk(acyclicTargets(run)).walkPipeline(run, run.rootPipelineId);
}

type Targets = Map<string, string[]>;

/**
 * Successors per node with the edges that close a cycle removed (spec 02 §10 step 1): a depth-first
 * walk from every start event drops each edge back into the current path.
 */
function acyclicTargets(run: RunDefinition): Targets {
  const targets: Targets = new Map();
  const nodes = run.nodes;
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string) => {
    onPath.add(id);
    const kept: string[] = [];
    for (const { targetId } of nodes[id]?.targets ?? []) {
      if (onPath.has(targetId)) continue;
      kept.push(targetId);
      if (!done.has(targetId) && nodes[targetId]) visit(targetId);
    }
    targets.set(id, kept);
    onPath.delete(id);
    done.add(id);
  };
  for (const node of Object.values(nodes)) if (node.type === 'EmptyStartEvent' && !done.has(node.id)) visit(node.id);
  return targets;
}

class TokenWalk {
  private readonly tokens: Record<string, string> = {};
  private counter = 0;
  private nodes: Record<string, NodeDefinition> = {};

  constructor(private readonly targets: Targets) {}

  walkPipeline(run: RunDefinition, pipelineId: string): Record<string, string> {
    this.nodes = run.nodes;
    const start = Object.values(run.nodes).find(
      (node) => node.type === 'EmptyStartEvent' && node.parentPipelineId === pipelineId,
    );
    if (start) this.walk(start.id, this.newToken());
    return this.tokens;
  }

  private newToken(): string {
    this.counter += 1;
    return `t${this.counter.toString(16).padStart(32, '0')}`;
  }

  private next(id: string): string[] {
    return this.targets.get(id) ?? [];
  }

  /**
   * Assigns `token` to `id` and walks on; returns the converge gateway or end event where a branch
   * stopped, so that the gateway that opened the branches can continue after it.
   */
  private walk(id: string, token: string): NodeDefinition | undefined {
    const node = this.nodes[id];
    if (!node || this.tokens[id] !== undefined) return undefined;
    this.tokens[id] = token;
    switch (node.type) {
      case 'ConvergeGateway':
      case 'EmptyEndEvent':
      case 'ExecutableEndEvent':
        return node;
      case 'ExclusiveGateway':
      case 'ParallelGateway':
      case 'ConditionalParallelGateway':
        return this.gateway(node, token);
      case 'SubProcess':
        this.walk(node.startEventId, this.newToken());
        return this.continueWith(this.next(id)[0], token);
      case 'EmptyStartEvent':
      case 'ServiceActivity':
        return this.continueWith(this.next(id)[0], token);
    }
  }

  private continueWith(id: string | undefined, token: string): NodeDefinition | undefined {
    return id === undefined ? undefined : this.walk(id, token);
  }

  /** Exclusive branches keep the token, parallel ones get new ones; the converge takes the gateway's. */
  private gateway(node: NodeDefinition, token: string): NodeDefinition | undefined {
    const parallel = node.type !== 'ExclusiveGateway';
    const stops = new Map<string, NodeDefinition>();
    for (const target of this.next(node.id)) {
      const stop = this.branch(target, parallel ? this.newToken() : token);
      if (stop) stops.set(stop.id, stop);
    }
    let last: NodeDefinition | undefined;
    for (const stop of stops.values()) {
      this.tokens[stop.id] = token;
      if (stop.type !== 'ConvergeGateway') continue;
      last = this.continueWith(this.next(stop.id)[0], token);
    }
    return last;
  }

  /** A branch's first node; a converge gateway reached directly is returned, not claimed. */
  private branch(id: string, token: string): NodeDefinition | undefined {
    const node = this.nodes[id];
    if (!node) return undefined;
    if (node.type === 'ConvergeGateway' || node.type === 'EmptyEndEvent' || node.type === 'ExecutableEndEvent') {
      return node;
    }
    return this.walk(id, token);
  }
}
