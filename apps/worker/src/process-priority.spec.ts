import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const swcHook = join(root, 'scripts/chaos/swc-register.js');

// Linux only, as the product's CI: nice values are read from /proc.
/**
 * Runs `lowerProcessPriority(asked)` in a fresh Node process (it must not renice the test runner)
 * and answers what it returned and the nice value of each of its threads, read from /proc.
 */
function inChild(asked: number, startNice = 0): { outcome: { threads: number; problem?: string }; nices: number[] } {
  const script = `
    const { readdirSync, readFileSync } = require('node:fs');
    require('node:os').setPriority(0, ${startNice});
    const outcome = require(${JSON.stringify(join(__dirname, 'process-priority'))}).lowerProcessPriority(${asked});
    // Field 19 of a thread's stat is its nice value; the name before it may hold spaces.
    const nices = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    process.stdout.write(JSON.stringify({ outcome, nices }));
  `;
  const child = spawnSync(process.execPath, ['--require', swcHook, '-e', script], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { outcome: { threads: number; problem?: string }; nices: number[] };
}

describe('lowerProcessPriority', () => {
  it('sets every thread of the process, not only the main one', () => {
    const { outcome, nices } = inChild(10);

    // Node starts V8's platform threads before any JavaScript runs: several threads, all set.
    expect(nices.length).toBeGreaterThan(1);
    expect(nices).toEqual(nices.map(() => 10));
    expect(outcome).toEqual({ threads: nices.length, problem: undefined });
  });

  it('never raises a priority: a thread already nicer than asked keeps its value', () => {
    const { nices } = inChild(5, 15);

    // The main thread was set to 15 before; the others (started at 0) are lowered to 5.
    expect(nices[0]).toBe(15);
    expect(nices.slice(1)).toEqual(nices.slice(1).map(() => 5));
  });

  it('leaves every thread alone at 0', () => {
    const { outcome, nices } = inChild(0);

    expect(nices).toEqual(nices.map(() => 0));
    expect(outcome.problem).toBeUndefined();
  });
});
