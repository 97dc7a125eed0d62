export * from './signal-map';
export * from './signal-bus';
export * from './signal-bus-publisher';
export * from './payload-ids';
export * from './on-signal.decorator';
export * from './domain-events';
export * from './signal-envelope';
