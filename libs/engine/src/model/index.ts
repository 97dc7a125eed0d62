export * from './pipeline-tree';
export * from './tree-invalid.error';
export * from './schema-validate.error';
export * from './parse-pipeline-tree';
export * from './flow-id-list';
export type { SchemaOptions, SchemaWarning } from './schema/schema-context';
