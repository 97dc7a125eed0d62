export * from './config';
export * from './persistence';
export * from './queue';
export * from './queries';
export * from './engine-runtime';
export * from './worker';
export * from './console';
export * from './nest';
