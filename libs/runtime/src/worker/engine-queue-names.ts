import { queueNameOf, type EngineTask } from '@bamboo/engine';

/** Roles of spec 09 §4.3 this worker implements; node timers ride with the schedule role. */
export type EngineWorkerRole = 'execute' | 'schedule';

const KINDS: Record<EngineWorkerRole, Array<EngineTask['kind']>> = {
  execute: ['execute'],
  schedule: ['schedule', 'timeout'],
};

/** `er_execute`, `er_schedule`, `er_timeout` and their `_<suffix>` variants for the given roles. */
export function engineQueueNames(roles: readonly EngineWorkerRole[], suffixes: readonly string[]): string[] {
  const names = new Set<string>();
  for (const suffix of ['', ...suffixes]) {
    for (const role of roles) {
      for (const kind of KINDS[role]) names.add(queueNameOf({ kind, queue: suffix } as EngineTask));
    }
  }
  return [...names];
}
