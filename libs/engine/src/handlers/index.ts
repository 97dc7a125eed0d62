export * from './node-handler';
export * from './handler-registry';
export * from './service-activity-schedule.handler';
