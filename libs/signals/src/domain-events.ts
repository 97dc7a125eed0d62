import type { SignalBus } from './signal-bus';
import type { PostSetStatePayload } from './signal-map';

export interface FailedNodeFacts {
  isServiceActivity: boolean;
  /** True when `_forced_failed` is set in the node's outputs. */
  forced: boolean;
}

export interface DomainEventOptions {
  /**
   * Tells whether a node that just went FAILED is a ServiceActivity and was forced. The runtime
   * answers from the stored node and execution data; without it every failed non-root node is
   * reported as an unforced activity failure.
   */
  describeFailedNode?: (payload: PostSetStatePayload) => FailedNodeFacts | Promise<FailedNodeFacts>;
}

/**
 * Derives the domain events of spec 08 §5 from `post_set_state`, so applications need not
 * interpret raw state changes. Returns a function that stops the derivation.
 */
export function deriveDomainEvents(bus: SignalBus, options: DomainEventOptions = {}): () => void {
  return bus.on('post_set_state', async (payload) => {
    await bus.emit('node_state_changed', payload);
    const isRoot = payload.node_id === payload.root_id;
    if (isRoot && payload.to_state === 'FINISHED') {
      await bus.emit('pipeline_finished', { pipeline_id: payload.node_id, version: payload.version });
    } else if (isRoot && payload.to_state === 'REVOKED') {
      await bus.emit('pipeline_revoked', { pipeline_id: payload.node_id });
    } else if (!isRoot && payload.to_state === 'FAILED') {
      const facts = (await options.describeFailedNode?.(payload)) ?? { isServiceActivity: true, forced: false };
      if (!facts.isServiceActivity) return;
      await bus.emit('activity_failed', {
        root_pipeline_id: payload.root_id,
        node_id: payload.node_id,
        version: payload.version,
        forced: facts.forced,
      });
    }
  });
}
