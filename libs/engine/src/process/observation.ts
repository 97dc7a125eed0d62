import { NOOP_OBSERVER } from '../runtime/engine-observer.port';
import type { NodeDefinition } from '../runtime/node-definition';
import type { EngineServices } from './engine-services';

/**
 * Seconds since the call, on the engine's clock. Without an observer the clock is not read, so a
 * fake clock in tests sees exactly the reads it saw before metrics existed.
 */
export function stopwatch(services: Pick<EngineServices, 'clock' | 'observer'>): () => number {
  if (services.observer === NOOP_OBSERVER) return () => 0;
  const start = services.clock.now().getTime();
  return () => (services.clock.now().getTime() - start) / 1000;
}

/** Spec 08 §7.3 for counters and node timings of a component: `<code>_<version>` (`legacy` when unversioned). */
export function componentTypeLabel(component: { code: string; version: string }): string {
  return `${component.code}_${component.version || 'legacy'}`;
}

const snakeTypes = new Map<string, string>();

/** Spec 08 §7.3 for `*_node_execute_time` / `*_node_schedule_time`: the component, else the snake-cased node type. */
export function nodeTypeLabel(node: NodeDefinition): string {
  if (node.type === 'ServiceActivity') return componentTypeLabel(node.component);
  let label = snakeTypes.get(node.type);
  if (label === undefined) {
    label = node.type.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
    snakeTypes.set(node.type, label);
  }
  return label;
}
