import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes every asset URL relative, so the same build works at `/admin/` (embedded
// all-in-one process) and at `/` (apps/admin in distributed mode) without a rebuild.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': process.env.BAMBOO_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
