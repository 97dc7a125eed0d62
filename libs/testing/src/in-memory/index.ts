export * from './in-memory-runtime';
export * from './in-memory-task-queue';
export * from './in-memory-harness';
export * from './sequential-ids';
