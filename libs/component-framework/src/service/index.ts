export * from './service';
export * from './service-class';
export * from './check-inputs';
