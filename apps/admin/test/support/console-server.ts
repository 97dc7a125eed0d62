import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeApiServer } from './fake-api-server';
import { seedScenario, type ScenarioIds } from './fake-scenario';
import { FakeStore } from './fake-store';

export const REPO_ROOT = join(__dirname, '../../../..');
export const DIST_DIR = join(REPO_ROOT, 'apps/admin/web/dist');

/**
 * What the browser tests need from a server: the console at `consoleUrl` (under /admin/) talking
 * to an API that holds the scenario. Today the fake server; when the embedded all-in-one process
 * serves /admin, a second factory can start it and seed the scenario through POST /pipelines.
 */
export interface ConsoleServer {
  consoleUrl: string;
  ids: ScenarioIds;
  close(): Promise<void>;
}

export type ConsoleServerFactory = () => Promise<ConsoleServer>;

/** Builds the console once when its dist is missing (a fresh clone, CI). */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(DIST_DIR, 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '--workspace', '@bamboo/admin-web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export const fakeConsoleServer: ConsoleServerFactory = async () => {
  ensureConsoleBuilt();
  const store = new FakeStore();
  const ids = seedScenario(store);
  const server = await startFakeApiServer({ distDir: DIST_DIR, store });
  return { consoleUrl: `${server.url}/admin/`, ids, close: () => server.close() };
};
