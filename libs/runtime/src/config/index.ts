export * from './bamboo-config';
export * from './bamboo-config.error';
export * from './load-bamboo-config';
