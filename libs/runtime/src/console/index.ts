export * from './console-assets';
