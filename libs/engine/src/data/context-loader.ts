import type { ContextValue } from '../runtime/runtime-records';
import type { EngineServices } from '../process/engine-services';
import { hydrate } from './hydrator';

export interface LoadContextRequest {
  pipelineId: string;
  /** `R0`: keys referenced directly; their stored references are loaded too. */
  keys: string[];
  /** Engine values that override stored ones (current `_loop` values, spec 04 §5 step 4). */
  extras?: ContextValue[];
  pipelineData: Record<string, unknown>;
  innerLoop: number;
}

/**
 * Reads and hydrates the context a node needs (spec 04 §5 steps 1–5), with `${key}` keys. Skips
 * the read entirely when nothing is referenced. Throws `HydrationError`.
 */
export async function loadHydratedContext(
  services: EngineServices,
  request: LoadContextRequest,
): Promise<Record<string, unknown>> {
  const extras = request.extras ?? [];
  if (request.keys.length === 0 && extras.length === 0) return {};
  const stored =
    request.keys.length > 0 ? await services.runtime.readContext(request.pipelineId, request.keys, true) : [];
  const overridden = new Set(extras.map((value) => value.key));
  const values = [...stored.filter((value) => !overridden.has(value.key)), ...extras];
  return hydrate(values, {
    catalog: services.catalog,
    pipelineData: request.pipelineData,
    innerLoop: request.innerLoop,
  });
}
