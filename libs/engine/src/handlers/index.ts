export * from './node-handler';
export * from './handler-registry';
export * from './service-activity-schedule.handler';
// Shared with runners of a single component outside a pipeline (runtime plugin executions).
export { isSuccess } from './service-call';
export { traceOf } from './node-failure';
