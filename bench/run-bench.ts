import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { parseArgs, USAGE } from './cli/args';
import { measureFloor } from './floors/floors';
import { median } from './measure/stats';
import { runsTable, summaryTable, targetsTable } from './report/format';
import { overviewTable } from './report/overview';
import { writeResultFile } from './report/result-file';
import { summarise, type Summary } from './report/summary';
import { checkTargets } from './report/targets';
import { checkGrowth, growthTable, memoryGrowth } from './report/memory-growth';
import { measureRun, openProduct, runOnce, type RunOptions } from './run/run-once';
import type { RunFigures } from './run/run-figures';
import { findRepoRoot } from './workloads/fixture-trees';

const log = (line: string): void => console.log(line);

/** The V8 heap cap of `npm run start:*` (package.json). */
const PRODUCT_HEAP_FLAG = '--max-old-space-size=512';

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) return log(USAGE);
  const args = parseArgs(argv);
  const repoRoot = findRepoRoot(__dirname);
  const apiScript = path.resolve(repoRoot, args.apiScript ?? 'dist/apps/api/main.js');
  const workerScript = path.resolve(repoRoot, args.workerScript ?? 'dist/apps/worker/main.js');
  for (const script of [apiScript, workerScript]) {
    if (!existsSync(script)) throw new Error(`bench: ${script} missing: run npm run build first`);
  }
  // The compiled components sit next to this file in dist/bench.
  const componentModules = ['debug-node.component.js', 'poll-node.component.js'].map((f) =>
    path.join(__dirname, 'components', f),
  );
  const nodeArgs = [
    // As the product's start scripts run it (package.json): a bounded old generation makes V8
    // collect it every few runs instead of letting garbage grow it to ~4x the live heap.
    PRODUCT_HEAP_FLAG,
    ...(args.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(repoRoot, args.cpuProfDir)}`] : []),
  ];
  const productEnv: Record<string, string> = {
    ...(args.concurrency ? { WORKER_CONCURRENCY: String(args.concurrency) } : {}),
    ...args.productEnv,
  };
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  log(
    `bamboo bench: ${cpus().length} cores, node ${process.version}, repeat ${args.repeat}${args.scale < 1 ? `, scale ${args.scale}` : ''}`,
  );

  const summaries: Summary[] = [];
  for (const mode of args.modes) {
    for (const workload of args.workloads) {
      const runOptions: RunOptions = {
        mode,
        workers: args.workers,
        workload,
        workloadOptions: { fixturesDir: args.fixturesDir, scale: args.scale },
        repoRoot,
        apiScript,
        workerScript,
        componentModules,
        mysqlUrl: args.mysqlUrl,
        redisUrl: args.redisUrl,
        nodeArgs,
        productEnv,
        timeoutMs: args.timeoutMs,
        keep: args.keep,
        log,
      };
      const shared = args.sameProduct ? await openProduct(runOptions) : undefined;
      const runs: RunFigures[] = [];
      try {
        for (let i = 1; i <= args.repeat; i++) {
          log(
            `${workload} / ${mode}${mode === 'distributed' ? ` / ${args.workers} workers` : ''}: run ${i} of ${args.repeat}`,
          );
          const figures = shared ? await measureRun(shared, runOptions) : await runOnce(runOptions);
          log(`  wall ${(figures.wallMs / 1000).toFixed(2)} s, ${figures.executedNodes} nodes, ${figures.steps} steps`);
          runs.push(figures);
        }
      } finally {
        await shared?.close();
      }
      const steps = Math.round(median(runs.map((r) => r.steps)));
      const floor = args.noFloor ? undefined : await measureFloor(mode, steps, args);
      const summary = summarise(runs, floor);
      // The targets are for the issue's sizes; a scaled-down run says nothing about them.
      const targets = args.scale === 1 ? checkTargets(summary) : [];
      const growth = args.sameProduct ? memoryGrowth(runs) : undefined;
      const growthCheck = growth && checkGrowth(growth);
      if (growthCheck) targets.push(growthCheck);
      summaries.push(summary);
      // Other work on the machine skews every figure: show how busy it was.
      log(
        `\nload average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${cpus().length} cores`,
      );
      log(`\n${runsTable(runs)}\n\n${summaryTable(summary)}\n\n${targetsTable(targets)}\n`);
      if (growth) log(`Memory after each run on one product:\n\n${growthTable(growth)}\n`);
      const file = writeResultFile(resultsDir, mode, workload, { args, summary, targets, runs });
      log(`written ${path.relative(repoRoot, file)}\n`);
    }
  }
  log(`All configurations (${cpus().length} cores):\n\n${overviewTable(summaries)}`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
