export * from './config';
export * from './persistence';
