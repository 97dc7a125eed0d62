import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PipelineTree } from '@bamboo/engine';

/** The repository root: the nearest folder upwards whose package.json is the `bamboo` workspace root. */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (let depth = 0; depth < 12; depth++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; workspaces?: unknown };
      if (pkg.name === 'bamboo' && pkg.workspaces !== undefined) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`bench: no bamboo repository root above ${from}`);
}

/** `../shared/fixtures/trees` next to the repository (the shared spec folder), unless overridden. */
export function fixtureTreesDir(override?: string): string {
  return override ?? path.resolve(findRepoRoot(), '..', 'shared', 'fixtures', 'trees');
}

export function loadFixtureTree(name: string, dir: string = fixtureTreesDir()): PipelineTree {
  const file = path.join(dir, `${name}.json`);
  if (!existsSync(file)) throw new Error(`bench: fixture tree ${file} not found (pass --fixtures=<dir>)`);
  return JSON.parse(readFileSync(file, 'utf8')) as PipelineTree;
}
