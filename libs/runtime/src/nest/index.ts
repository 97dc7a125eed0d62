export * from './bamboo.module';
export * from './bamboo-module.options';
export * from './bamboo.tokens';
export * from './bamboo-lifecycle.service';
export { nestLogLevels } from './nest-engine-logger';
