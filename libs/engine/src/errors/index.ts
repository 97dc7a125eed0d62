export * from './engine.error';
