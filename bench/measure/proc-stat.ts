import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Resident set size in KiB from the text of `/proc/<pid>/status` (VmRSS, and VmHWM as peak). */
export function parseStatus(text: string): { rssKiB?: number; hwmKiB?: number } {
  const field = (name: string): number | undefined => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

/**
 * The fields of a `/proc/<pid>/stat` line from field 3 (state) on: the command name before them
 * is in parentheses and may hold spaces, so they are counted after the last ')'.
 */
function fieldsAfterName(text: string): string[] {
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime in clock ticks from the text of `/proc/<pid>/stat`. */
export function parseStatTicks(text: string): number {
  const rest = fieldsAfterName(text);
  // utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`bench: cannot parse /proc stat: ${text}`);
  return utime + stime;
}

/** The nice value (field 19) from the text of `/proc/<pid>/stat` or of one of its tasks. */
export function parseStatNice(text: string): number {
  const nice = Number(fieldsAfterName(text)[16]);
  if (!Number.isInteger(nice)) throw new Error(`bench: cannot parse /proc stat: ${text}`);
  return nice;
}

let ticksPerSecond: number | undefined;

export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export function readCpuSeconds(pid: number): number | undefined {
  try {
    return parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of the process's main thread alone (`/proc/<pid>/task/<pid>/stat`): in Node the
 * event loop's thread, which a busy process saturates first; the process total also counts GC
 * helpers, libuv's pool and worker threads.
 */
export function readMainThreadCpuSeconds(pid: number): number | undefined {
  try {
    return parseStatTicks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')) / clockTicksPerSecond();
  } catch {
    return undefined;
  }
}

/**
 * The nice value of the process's main thread: what `WORKER_NICE` sets in a worker (ADR 0013),
 * shown next to its CPU because it decides who gets the cores when they are all busy.
 */
export function readMainThreadNice(pid: number): number | undefined {
  try {
    return parseStatNice(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

export function readRss(pid: number): { rssKiB?: number; hwmKiB?: number } {
  try {
    return parseStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return {};
  }
}

/** Pids of processes named exactly `name` (pgrep -x); empty when none or pgrep is missing. */
export function pidsNamed(name: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8', timeout: 5000 })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  } catch {
    return [];
  }
}
