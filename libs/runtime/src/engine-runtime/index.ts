export * from './typeorm-engine-runtime';
export * from './block-id-generator';
export * from './engine-task-codec';
export * from './embedded-recovery';
