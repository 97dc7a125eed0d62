export * from './pipeline-tree';
