import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds the admin console build (`apps/admin/web/dist`) from a running app, whether it runs from
 * `dist/apps/<app>` or from sources under jest. Returns undefined when the console was not built,
 * so the caller can log how to build it instead of serving an empty page.
 */
export function findConsoleAssets(startDir: string = __dirname): string | undefined {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'admin', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
