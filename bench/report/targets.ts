import type { Summary } from './summary';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** The targets that apply to this configuration (2 distributed workers, or embedded). */
export function checkTargets(s: Summary): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const wall = (limitS: number): void => {
    checks.push({ target: `${s.workload} ≤ ${limitS} s`, measured: seconds(s.wallMs), met: s.wallMs <= limitS * 1000 });
  };
  const distributed2 = s.mode === 'distributed' && s.workers === 2;
  if (distributed2 && s.workload === 'multi') {
    wall(2.5);
    const workers = s.processes.filter((p) => p.label.startsWith('worker-'));
    const peak = Math.max(...workers.map((p) => p.peakRssMiB));
    if (workers.length > 0)
      checks.push({ target: 'worker RSS < 200 MiB', measured: `${peak.toFixed(0)} MiB`, met: peak < 200 });
  }
  if (distributed2 && s.workload === 'big') wall(1.9);
  if (s.mode === 'embedded' && s.workload === 'multi') wall(1.5);
  if (s.workload === 'poll' && s.idealRatio !== undefined) {
    checks.push({
      target: 'poll within 10% of ideal',
      measured: `${(s.idealRatio * 100).toFixed(1)}% of ideal`,
      met: s.idealRatio <= 1.1,
    });
  }
  if (s.workload === 'callbacks' && s.callbacksPerSecond !== undefined) {
    const rate = s.callbacksPerSecond;
    checks.push({ target: 'callbacks ≥ 1,000/s accepted', measured: `${rate.toFixed(0)}/s`, met: rate >= 1000 });
  }
  return checks;
}
