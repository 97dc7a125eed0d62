import type { EngineServices } from '../../process/engine-services';
import type { RunCache } from '../../process/run-cache';

/** What every operator command runs with: the engine's ports and its run-definition cache. */
export interface CommandContext {
  services: EngineServices;
  runs: RunCache;
}
