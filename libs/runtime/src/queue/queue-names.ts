// Queue names of 09 §4.1. A custom suffix isolates a tenant: its execute and schedule work never
// mixes with the default queues and needs its own workers.

export const EXECUTE_QUEUE = 'er_execute';
export const SCHEDULE_QUEUE = 'er_schedule';
/** Statistics, periodic starts, maintenance, and (unless configured) node timeouts and timers. */
export const DEFAULT_QUEUE = 'default';
export const ROLLBACK_QUEUE = 'rollback';
export const PLUGIN_EXECUTE_QUEUE = 'plugin_execute';

export function executeQueueName(suffix = ''): string {
  return suffix === '' ? EXECUTE_QUEUE : `${EXECUTE_QUEUE}_${suffix}`;
}

export function scheduleQueueName(suffix = ''): string {
  return suffix === '' ? SCHEDULE_QUEUE : `${SCHEDULE_QUEUE}_${suffix}`;
}
