export * from './engine-services';
export * from './step-effects';
export * from './run-cache';
export * from './execute-runner';
export * from './schedule-runner';
export * from './signal-publishing';
export * from './run-signals';
export * from './observation';
