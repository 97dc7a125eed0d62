import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../../..');
export const DIST_DIR = join(REPO_ROOT, 'apps/admin/web/dist');

const WEB_DIR = join(REPO_ROOT, 'apps/admin/web');

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

function isFresh(): boolean {
  const index = join(DIST_DIR, 'index.html');
  const sources = Math.max(newestSource(join(WEB_DIR, 'src')), statSync(join(WEB_DIR, 'index.html')).mtimeMs);
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the console when its dist is missing (a fresh clone, CI) or older than its sources. Jest
 * runs the e2e files in parallel workers: a lock directory lets one build while the others wait.
 */
export function ensureConsoleBuilt(): void {
  const lock = join(WEB_DIR, '.build-lock');
  const deadline = Date.now() + 180_000;
  while (!isFresh()) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`console build lock ${lock} held for too long`);
      sleep(250);
      continue;
    }
    try {
      if (!isFresh()) {
        execFileSync('npm', ['run', 'build', '--workspace', '@bamboo/admin-web'], { cwd: REPO_ROOT, stdio: 'inherit' });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
