import { EngineError } from '@bamboo/engine';
import { errorMessage } from './error-text';

/** A module listed in `BAMBOO_COMPONENT_MODULES` could not be resolved or threw while loading. */
export class ComponentModuleLoadError extends EngineError {
  constructor(
    readonly specifier: string,
    override readonly cause: unknown,
  ) {
    const reason = errorMessage(cause);
    super('COMPONENT_MODULE_LOAD_FAILED', `cannot load component module "${specifier}": ${reason}`, { specifier });
  }
}
