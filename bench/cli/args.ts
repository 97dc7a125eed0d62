import type { Mode } from '../product/run-environment';
import { isWorkloadName, WORKLOAD_NAMES, type WorkloadName } from '../workloads/workloads';

export interface BenchArgs {
  modes: Mode[];
  workers: number;
  workloads: WorkloadName[];
  repeat: number;
  /** Skip the floor measurement. */
  noFloor: boolean;
  /** Scale workload sizes (quick checks); 1 = the sizes. */
  scale: number;
  timeoutMs?: number;
  /** Write V8 CPU profiles of every product process into this folder. */
  cpuProfDir?: string;
  /** WORKER_CONCURRENCY for the product, when set. */
  concurrency?: number;
  /** More environment for every product process (`--env=NAME=VALUE`, repeatable): A/B of settings. */
  productEnv: Record<string, string>;
  keep: boolean;
  /** Run every repeat of a configuration on one product (the memory-growth check). */
  sameProduct: boolean;
  fixturesDir?: string;
  mysqlUrl: string;
  redisUrl: string;
  /** The product's entry points (default dist/apps/api/main.js and dist/apps/worker/main.js). */
  apiScript?: string;
  workerScript?: string;
}

export const USAGE = `npm run bench -- [options]
  --mode=embedded|distributed|all   default distributed
  --workers=N                       worker processes in distributed mode (default 2)
  --workload=multi,big,long,poll,callbacks|all   default multi,big
  --repeat=N                        runs per configuration, median reported (default 5)
  --scale=F                         shrink workloads for a quick check (default 1)
  --timeout=S                       give up after S seconds per run (default per workload)
  --concurrency=N                   WORKER_CONCURRENCY of the product
  --env=NAME=VALUE                  set a variable for every product process (repeatable), e.g.
                                    --env=BAMBOO_COMMIT_GROUP_SIZE=1 to compare with a setting off
  --cpu-prof=DIR                    run product processes with --cpu-prof into DIR
  --no-floor                        skip the Bull/MySQL/SQLite floor
  --keep                            keep the database, queue keys and logs of each run
  --same-product                    run the repeats on one product (same processes and database)
                                    and report memory after each run: the growth check
  --fixtures=DIR                    pipeline-tree fixtures (default ../shared/fixtures/trees)
  --api-script=JS --worker-script=JS   other entry points than dist/apps/{api,worker}/main.js
  --mysql=URL --redis=URL           servers (default mysql://root@127.0.0.1:3306/mysql, redis://127.0.0.1:6379)`;

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function loopbackUrl(name: string, value: string): string {
  const host = new URL(value).hostname;
  // The bench creates and drops databases: keep it away from anything but this machine.
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`--${name} must be on loopback, got ${host}`);
  return value;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    modes: ['distributed'],
    workers: 2,
    workloads: ['multi', 'big'],
    repeat: 5,
    noFloor: false,
    scale: 1,
    keep: false,
    sameProduct: false,
    productEnv: {},
    mysqlUrl: 'mysql://root@127.0.0.1:3306/mysql',
    redisUrl: 'redis://127.0.0.1:6379',
  };
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name: string = match?.[1] ?? '';
    const value: string = match?.[2] ?? '';
    switch (name) {
      case 'mode':
        if (value === 'all') args.modes = ['embedded', 'distributed'];
        else if (value === 'embedded' || value === 'distributed') args.modes = [value];
        else throw new Error(`--mode must be embedded, distributed or all, got "${value}"`);
        break;
      case 'workers':
        args.workers = positiveInt(name, value);
        break;
      case 'workload': {
        const names = value === 'all' ? [...WORKLOAD_NAMES] : value.split(',').filter(Boolean);
        const bad = names.filter((n) => !isWorkloadName(n));
        if (names.length === 0 || bad.length > 0)
          throw new Error(`unknown --workload ${bad.join(',') || '(empty)'}; known: ${WORKLOAD_NAMES.join(', ')}`);
        args.workloads = names as WorkloadName[];
        break;
      }
      case 'repeat':
        args.repeat = positiveInt(name, value);
        break;
      case 'scale':
        args.scale = Number(value);
        if (!(args.scale > 0 && args.scale <= 1)) throw new Error(`--scale must be in (0, 1], got "${value}"`);
        break;
      case 'timeout':
        args.timeoutMs = positiveInt(name, value) * 1000;
        break;
      case 'concurrency':
        args.concurrency = positiveInt(name, value);
        break;
      case 'env': {
        const variable = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(value);
        if (!variable) throw new Error(`--env must be NAME=VALUE with an upper-case NAME, got "${value}"`);
        args.productEnv[variable[1]!] = variable[2]!;
        break;
      }
      case 'cpu-prof':
        args.cpuProfDir = value || 'bench/results/profiles';
        break;
      case 'no-floor':
        args.noFloor = true;
        break;
      case 'keep':
        args.keep = true;
        break;
      case 'same-product':
        args.sameProduct = true;
        break;
      case 'fixtures':
        args.fixturesDir = value;
        break;
      case 'api-script':
        args.apiScript = value;
        break;
      case 'worker-script':
        args.workerScript = value;
        break;
      case 'mysql':
        args.mysqlUrl = loopbackUrl(name, value);
        break;
      case 'redis':
        args.redisUrl = loopbackUrl(name, value);
        break;
      default:
        throw new Error(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return args;
}
