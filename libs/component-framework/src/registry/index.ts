export * from './component-definition';
export * from './component-registry';
export * from './default-registry';
export * from './load-component-modules';
