import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { type FailedTask, seedFailedTask } from './support/console-scenario';
import { embeddedConsoleServer, type ConsoleServer } from './support/console-server';

// Login on 401 and the read-only token (GET /auth/whoami → {scope: 'read'}) hiding operations.
jest.setTimeout(90_000);

let server: ConsoleServer<FailedTask>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await embeddedConsoleServer({
    env: { BAMBOO_API_TOKEN: 'full-secret', BAMBOO_API_READ_TOKEN: 'read-secret' },
    seed: (seeder) => seedFailedTask(seeder),
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
});

afterEach(() => page.close());

it('asks for the token on 401 and hides operations for a read-only token', async () => {
  await page.goto(`${server.consoleUrl}#/tasks/${server.ids.pipelineId}?node=${server.ids.failedNodeId}`);
  await page.waitForSelector('[data-testid="login-dialog"]');
  await page.fill('[data-testid="login-token"]', 'read-secret');
  await page.click('[data-testid="login-dialog"] button[type="submit"]');
  await page.waitForSelector('[data-testid="read-only"]');
  await page.waitForSelector('[data-testid="node-panel"]');
  await expect(page.locator('[data-testid="node-retry"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="pipeline-pause"]').count()).resolves.toBe(0);
  await expect(page.evaluate("sessionStorage.getItem('bamboo.admin.token')")).resolves.toBe('read-secret');
  await screenshot(page, 'read-only-token');
});

it('shows operations with the full token', async () => {
  await page.goto(`${server.consoleUrl}#/tasks/${server.ids.pipelineId}?node=${server.ids.failedNodeId}`);
  await page.waitForSelector('[data-testid="login-dialog"]');
  await page.fill('[data-testid="login-token"]', 'full-secret');
  await page.click('[data-testid="login-dialog"] button[type="submit"]');
  await page.waitForSelector('[data-testid="node-retry"]:not([disabled])');
  await expect(page.locator('[data-testid="read-only"]').count()).resolves.toBe(0);
  await screenshot(page, 'full-token');
});
