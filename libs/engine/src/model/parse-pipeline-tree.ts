import { cloneJson } from './clone-json';
import type { PipelineTree } from './pipeline-tree';
import { checkPipelineLevel, registerId } from './schema/pipeline.schema';
import type { SchemaContext, SchemaOptions } from './schema/schema-context';
import { at, expectObject, expectId, field } from './schema/schema-checks';

export type ParsePipelineTreeOptions = SchemaOptions;

/**
 * The schema step of validation (spec 05 §2): checks that `input` is a pipeline tree of spec 02,
 * nested pipelines included, and returns a typed deep copy with key order kept. Throws
 * `SchemaValidateError` (code `TREE_SCHEMA`) at the first problem, naming the field's dotted path.
 *
 * The copy differs from the input only where spec 02 says a form is "accepted and read as": an
 * object `data.outputs` becomes its key list. `incoming` is normalised later by the validator.
 */
export function parsePipelineTree(input: unknown, options: ParsePipelineTreeOptions = {}): PipelineTree {
  const tree = cloneJson(input);
  const ctx: SchemaContext = {
    sinkTypes: options.sinkTypes ? new Set(options.sinkTypes) : undefined,
    warn: (path, message) => options.onWarning?.({ path, message }),
    seenIds: new Map(),
    checkNested: (value, path) => checkPipelineLevel(value, path, ctx),
  };
  const root = expectObject(tree, '');
  registerId(expectId(field(root, 'id', ''), 'id'), at('', 'id'), ctx);
  return checkPipelineLevel(root, '', ctx);
}
