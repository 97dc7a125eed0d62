export * from './node-state';
export * from './transitions';
export * from './invalid-state-transition.error';
export * from './version-guard';
