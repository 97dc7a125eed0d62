import { ComponentRegistry } from '@bamboo/component-framework';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embeddedApi } from '../../../api/test/support/real-api';
import { ApiSeeder } from './api-seeder';
import { DIST_DIR, ensureConsoleBuilt } from './console-build';
import { registerConsoleComponents } from './console-components';

/** What the browser tests need from a server: the console at `consoleUrl` (under /admin/) and its data. */
export interface ConsoleServer<Ids> {
  consoleUrl: string;
  apiUrl: string;
  ids: Ids;
  close(): Promise<void>;
}

export interface ConsoleServerOptions<Ids> {
  /** Extra process environment for the app, e.g. BAMBOO_API_TOKEN / BAMBOO_API_READ_TOKEN. */
  env?: Record<string, string>;
  /** Runs the scenario's pipelines through the API before the browser opens the console. */
  seed: (seeder: ApiSeeder) => Promise<Ids>;
}

export type ConsoleServerFactory = <Ids>(options: ConsoleServerOptions<Ids>) => Promise<ConsoleServer<Ids>>;

/**
 * The real all-in-one app (SQLite file, in-process queue, workers) with the console build at
 * /admin. The API test helper initialises the app before returning it, so Nest's not-found handler
 * is already installed and a later `useStaticAssets` on it would never be reached: the console is
 * mounted the same way (`useStaticAssets` on an Express adapter) in front of the app instead.
 */
export const embeddedConsoleServer: ConsoleServerFactory = async (options) => {
  ensureConsoleBuilt();
  const api = await embeddedApi(options.env);
  registerConsoleComponents(api.app.get(ComponentRegistry));
  const assets = new ExpressAdapter();
  assets.useStaticAssets(DIST_DIR, { prefix: '/admin', index: 'index.html' });
  const serveConsole = assets.getInstance<RequestListener>();
  const serveApi = api.app.getHttpAdapter().getInstance() as RequestListener;
  const server = createServer((request, response) =>
    (request.url?.startsWith('/admin') ? serveConsole : serveApi)(request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api.close();
  };
  try {
    const token = options.env?.BAMBOO_API_TOKEN;
    const ids = await options.seed(new ApiSeeder(`${url}/api/v1`, token));
    return { consoleUrl: `${url}/admin/`, apiUrl: `${url}/api/v1`, ids, close };
  } catch (error) {
    await close();
    throw error;
  }
};
