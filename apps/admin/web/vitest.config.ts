import { defineConfig } from 'vitest/config';

// Unit tests cover the pure logic (graph model, layout, operation preconditions, client); the
// browser behaviour is covered by the Chromium tests in apps/admin/test.
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
