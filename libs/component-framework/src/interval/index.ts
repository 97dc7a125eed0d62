export * from './interval.generator';
export * from './static-interval.generator';
export * from './square-interval.generator';
export * from './linear-interval.generator';
export * from './null-interval.generator';
