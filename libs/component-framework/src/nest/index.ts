export * from './component-framework.module';
export * from './signals.module';
export * from './signal-explorer';
export * from './domain-events.bridge';
