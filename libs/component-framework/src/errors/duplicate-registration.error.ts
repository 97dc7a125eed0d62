import { EngineError } from '@bamboo/engine';

/**
 * Two different classes claim the same key. The original silently replaced the earlier one; we fail
 * fast because a silent replacement changes what running pipelines execute.
 */
export class DuplicateRegistrationError extends EngineError {
  constructor(kind: 'component' | 'variable' | 'end event', key: string, existing: string, incoming: string) {
    super('COMPONENT_DUPLICATE', `duplicate ${kind} ${key}: ${incoming} clashes with already registered ${existing}`, {
      kind,
      key,
      existing,
      incoming,
    });
  }
}
