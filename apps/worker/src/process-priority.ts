import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

export interface PriorityOutcome {
  /** Threads now at the asked nice value (1 where the platform has one priority per process). */
  threads: number;
  /** Why a thread kept its priority, for the log; undefined when every thread took it. */
  problem?: string;
}

/** The thread ids of this process where the platform lists them (Linux), else undefined. */
function ownThreadIds(): number[] | undefined {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return undefined;
  }
}

/**
 * Lowers this process's CPU priority to `nice` (WORKER_NICE, ADR 0013); it never raises it, which
 * would need privileges. Linux keeps a nice value per thread: setting the process id alone
 * changes the main thread only, while V8's compiler and GC threads, started before any
 * JavaScript runs, would keep the old one. So every thread listed in /proc/self/task is set;
 * threads started later inherit the value from the thread that starts them.
 */
export function lowerProcessPriority(nice: number): PriorityOutcome {
  const threads = ownThreadIds() ?? [0];
  let done = 0;
  let problem: string | undefined;
  for (const tid of threads) {
    try {
      // A thread may have ended since the listing; one already nicer than asked stays as it is.
      if (getPriority(tid) < nice) setPriority(tid, nice);
      done++;
    } catch (error) {
      problem ??= `thread ${tid}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { threads: done, problem };
}
