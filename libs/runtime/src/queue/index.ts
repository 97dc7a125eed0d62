export * from './bull-task-queue';
export * from './create-task-queue';
export * from './in-process-task-queue';
export * from './job-messages';
export * from './queue-names';
export * from './task-queue';
