export * from './connection-validate.error';
export * from './tree-cycle.error';
export * from './converge-match.error';
export * from './stream-validate.error';
export * from './isolate-node.error';
export * from './start-position-invalid.error';
export * from './prepare.error';
