export * from './config';
export * from './persistence';
export * from './queue';
export * from './queries';
