export * from './component-not-exist.error';
export * from './component-declaration.error';
export * from './duplicate-registration.error';
export * from './component-module-load.error';
export * from './error-text';
