export * from './lazy-variable';
export * from './executable-end-event';
export * from './extension-meta';
export * from './extension.decorators';
