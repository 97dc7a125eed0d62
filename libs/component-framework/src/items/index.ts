export * from './item-schema';
export * from './io-item';
export * from './item-validity';
