import { readCpuSeconds, readMainThreadCpuSeconds, readMainThreadNice, readRss } from './proc-stat';

export interface ProcessFigures {
  label: string;
  pid: number;
  /** Highest VmRSS seen while sampling, MiB. */
  peakRssMiB: number;
  /** CPU seconds (user + system) used between start() and stop(). */
  cpuSeconds: number;
  /** The same for the main thread alone (the event loop's), where the reader can tell. */
  mainThreadCpuSeconds?: number;
  /** The main thread's nice value when sampling started (a Node process's; WORKER_NICE in a worker). */
  nice?: number;
  /** VmRSS when sampling stopped (the run's end), MiB. */
  endRssMiB?: number;
  /** V8 heap in use after the run (the product's nodejs_heap_size_used_bytes), MiB. */
  heapUsedMiB?: number;
  /** V8 heap in use after the latest major GC before the run's end (bamboo_heap_live_bytes), MiB. */
  heapLiveMiB?: number;
}

interface Tracked {
  label: string;
  pid: number;
  mainThread: boolean;
  cpuAtStart?: number;
  cpuLast?: number;
  mainAtStart?: number;
  mainLast?: number;
  nice?: number;
  peakKiB: number;
  lastKiB?: number;
}

export interface ProcReader {
  cpuSeconds(pid: number): number | undefined;
  mainThreadCpuSeconds?(pid: number): number | undefined;
  mainThreadNice?(pid: number): number | undefined;
  rssKiB(pid: number): number | undefined;
}

const procReader: ProcReader = {
  cpuSeconds: readCpuSeconds,
  mainThreadCpuSeconds: readMainThreadCpuSeconds,
  mainThreadNice: readMainThreadNice,
  rssKiB: (pid) => readRss(pid).rssKiB,
};

/** Samples RSS of labelled processes on a timer and takes CPU time deltas over the measured window. */
export class ProcSampler {
  private readonly tracked: Tracked[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs = 100,
    private readonly reader: ProcReader = procReader,
  ) {}

  /**
   * @param mainThread also take the main thread's CPU (a Node process: its event loop; a server
   *   such as mariadbd works on other threads, so its main thread's figure would mislead)
   */
  track(label: string, pid: number, mainThread = false): void {
    this.tracked.push({ label, pid, mainThread, peakKiB: 0 });
  }

  start(): void {
    for (const t of this.tracked) {
      t.cpuAtStart = t.cpuLast = this.reader.cpuSeconds(t.pid);
      if (t.mainThread) {
        t.mainAtStart = t.mainLast = this.reader.mainThreadCpuSeconds?.(t.pid);
        // A setting, read once: the product sets it at boot, before it answers its health check.
        t.nice = this.reader.mainThreadNice?.(t.pid);
      }
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  sample(): void {
    for (const t of this.tracked) {
      const rss = this.reader.rssKiB(t.pid);
      if (rss !== undefined) t.peakKiB = Math.max(t.peakKiB, rss);
      t.lastKiB = rss ?? t.lastKiB;
      // Remember the last CPU reading so that a process that exits early still reports its usage.
      t.cpuLast = this.reader.cpuSeconds(t.pid) ?? t.cpuLast;
      if (t.mainThread) t.mainLast = this.reader.mainThreadCpuSeconds?.(t.pid) ?? t.mainLast;
    }
  }

  /** CPU seconds used so far by each label's processes (several pids under one label add up). */
  cpuByLabel(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.tracked) {
      const cpu = this.reader.cpuSeconds(t.pid);
      if (cpu !== undefined) out[t.label] = (out[t.label] ?? 0) + cpu;
    }
    return out;
  }

  stop(): ProcessFigures[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.tracked.map((t) => ({
      label: t.label,
      pid: t.pid,
      peakRssMiB: t.peakKiB / 1024,
      cpuSeconds: t.cpuAtStart !== undefined && t.cpuLast !== undefined ? t.cpuLast - t.cpuAtStart : Number.NaN,
      ...(t.mainAtStart !== undefined && t.mainLast !== undefined
        ? { mainThreadCpuSeconds: t.mainLast - t.mainAtStart }
        : {}),
      ...(t.nice === undefined ? {} : { nice: t.nice }),
      ...(t.lastKiB === undefined ? {} : { endRssMiB: t.lastKiB / 1024 }),
    }));
  }
}
