import type { EngineRuntime } from '../runtime/engine-runtime.port';
import type { RunDefinition } from '../runtime/node-definition';

/**
 * Node definitions are immutable for a run, so each worker loads a run's definition once and keeps
 * the most recently used ones (bounded, least recently used evicted first).
 */
export class RunCache {
  private readonly entries = new Map<string, Promise<RunDefinition>>();

  constructor(
    private readonly runtime: EngineRuntime,
    private readonly capacity = 256,
  ) {}

  get(rootPipelineId: string): Promise<RunDefinition> {
    const cached = this.entries.get(rootPipelineId);
    if (cached) {
      this.entries.delete(rootPipelineId);
      this.entries.set(rootPipelineId, cached);
      return cached;
    }
    const loading = this.runtime.loadRunDefinition(rootPipelineId);
    loading.catch(() => this.entries.delete(rootPipelineId));
    this.entries.set(rootPipelineId, loading);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }
}
