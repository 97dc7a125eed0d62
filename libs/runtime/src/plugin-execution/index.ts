export * from './plugin-execution.service';
export * from './plugin-execution.worker';
export { DispatchFailedError } from './plugin-jobs';
export type { PluginMap, PluginTaskMaps } from './plugin-task.store';
