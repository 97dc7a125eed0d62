export * from './data-object';
export * from './component.port';
