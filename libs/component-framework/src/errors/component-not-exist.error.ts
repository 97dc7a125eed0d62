import { EngineError } from '@bamboo/engine';

/** No component is registered under `(code, version)` (spec 07 §1.4). */
export class ComponentNotExistError extends EngineError {
  constructor(code: string, version: string) {
    super('COMPONENT_NOT_FOUND', `component ${code}@${version} does not exist`, { code, version });
  }
}
