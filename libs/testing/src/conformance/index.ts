export * from './conformance-harness';
export * from './describe-engine-conformance';
export * from './test-components';
export * from './tree-kit';
export * from './scenario-helpers';
