export * from './engine';
export * from './engine-options';
export * from './pipeline-states.reader';
