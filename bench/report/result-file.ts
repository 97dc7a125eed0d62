import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as path from 'node:path';

/** Writes `bench/results/<timestamp>-<mode>-<workload>.json` and returns its path. */
export function writeResultFile(
  resultsDir: string,
  mode: string,
  workload: string,
  body: Record<string, unknown>,
): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${stamp}-${mode}-${workload}.json`);
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    loadAverage: loadavg(),
  };
  writeFileSync(file, `${JSON.stringify({ machine, ...body }, null, 2)}\n`);
  return file;
}
