export * from './services/test-services';
export * from './fake-clock';
export * from './in-memory';
export * from './conformance';
