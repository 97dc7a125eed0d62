export * from './engine-worker';
export * from './engine-queue-names';
