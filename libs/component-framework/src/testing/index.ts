export * from './fake-clock';
export * from './recording-logger';
export * from './component-subject';
export * from './component-test-case';
export * from './case-assertions';
export * from './run-component';
export * from './run-component-cases';
export * from './describe-component';
