export * from './errors';
export * from './validate-pipeline-tree';
export { validateConnections } from './connection.rule';
export { findCycle, validateNoCycle } from './cycle.rule';
export { matchGateways } from './gateway-matching.rule';
export { validateStreams } from './stream.rule';
export { normaliseIncoming } from './normalise-incoming';
export { allowedStartNodeIds, validateStartPosition, skippedExecuteNodeIds } from './start-position.rule';
export * from './preparation.checks';
