export * from './errors';
export * from './model';
export * from './builder';
export * from './validator';
export * from './expression';
export * from './component';
