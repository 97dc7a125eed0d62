import { TreeInvalidError } from './tree-invalid.error';

export const TREE_SCHEMA = 'TREE_SCHEMA';

/**
 * A pipeline tree does not have the shape of spec 02 (spec 05 §2). `path` names the bad field in
 * dotted form (`activities.<id>.component.inputs.<key>.type`) so that editors can point at it.
 */
export class SchemaValidateError extends TreeInvalidError {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(TREE_SCHEMA, `${path}: ${reason}`, { path, message: reason });
    this.path = path;
    this.reason = reason;
  }
}
