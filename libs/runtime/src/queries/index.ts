export * from './pipeline-query.types';
export * from './pipeline-query.service';
