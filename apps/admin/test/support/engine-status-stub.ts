import type { Page } from 'playwright-core';

/**
 * GET /engine/status is not in the API yet (apps/api/src/engine-status is being written): the
 * browser answers it with this payload so the rest of the engine page runs against the real
 * server. Delete this once the endpoint lands.
 */
export async function stubEngineStatus(page: Page): Promise<void> {
  const seen = new Date().toISOString();
  const status = {
    workers: [
      { id: 'worker-1', hostname: 'localhost', pid: 4242, queues: ['er_execute', 'er_schedule'], last_seen: seen },
    ],
    queues: [
      { name: 'er_execute', waiting: 3, active: 1, delayed: 0, failed: 0 },
      { name: 'er_schedule', waiting: 0, active: 0, delayed: 2, failed: 0 },
    ],
    healer: [{ time: seen, action: 'redispatch', process_id: 42, node_id: null, detail: 'process stuck for 120 s' }],
  };
  await page.route('**/api/v1/engine/status', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ result: true, message: 'success', data: status, error: null }),
    }),
  );
}
