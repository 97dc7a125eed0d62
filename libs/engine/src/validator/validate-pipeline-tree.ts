import { parsePipelineTree } from '../model/parse-pipeline-tree';
import type { PipelineTree } from '../model/pipeline-tree';
import type { SchemaWarning } from '../model/schema/schema-context';
import { validateConnections } from './connection.rule';
import { validateNoCycle } from './cycle.rule';
import { matchGateways } from './gateway-matching.rule';
import { normaliseIncoming } from './normalise-incoming';
import { validateStartPosition } from './start-position.rule';
import { validateStreams } from './stream.rule';

export interface ValidatePipelineTreeOptions {
  /** Allow backward flows (loops); skips the cycle check at every level (spec 05 §4). */
  cycleTolerate?: boolean;
  /** When set and not the start event: must be an allowed start node of the root (spec 05 §7). */
  startNodeId?: string;
  /** Registered executable end-event types (`add_sink_type`). */
  sinkTypes?: readonly string[];
  onWarning?: (warning: SchemaWarning) => void;
}

/**
 * Validates a pipeline tree in the order of spec 05 §1 (schema, nested pipelines first, incoming
 * normalisation, connections, cycles, gateway matching, streams, start position) and returns the
 * completed tree: a deep copy with `incoming` lists normalised and `converge_gateway_id` written.
 * The caller's object is never mutated. Throws a `TreeInvalidError` subclass at the first failing rule.
 */
export function validatePipelineTree(input: unknown, options: ValidatePipelineTreeOptions = {}): PipelineTree {
  const tree = parsePipelineTree(input, { sinkTypes: options.sinkTypes, onWarning: options.onWarning });
  validateLevel(tree, options.cycleTolerate ?? false);
  if (options.startNodeId !== undefined) validateStartPosition(tree, options.startNodeId);
  return tree;
}

/** Steps 2–7 for one level, after all of its nested levels; works in place on the parsed copy. */
function validateLevel(tree: PipelineTree, cycleTolerate: boolean): void {
  for (const node of Object.values(tree.activities)) {
    if (node.type === 'SubProcess') validateLevel(node.pipeline, cycleTolerate);
  }
  normaliseIncoming(tree);
  validateConnections(tree);
  if (!cycleTolerate) validateNoCycle(tree);
  matchGateways(tree);
  validateStreams(tree);
}
