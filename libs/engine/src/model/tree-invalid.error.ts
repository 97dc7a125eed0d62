import { EngineError } from '../errors/engine.error';

/**
 * Base of every tree-shape error (spec 05 §9, `TreeInvalidException` in bamboo-engine). Callers that
 * only need "the tree is bad" catch this; the subclass and `code` say which rule failed.
 */
export class TreeInvalidError extends EngineError {}
