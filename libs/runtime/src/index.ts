export * from './config';
export * from './persistence';
export * from './queue';
