import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The candidate portal (kandidaatportaal). `npm run build` writes it to dist/web/candidate, which
// the candidate API serves at / (ADR 0013); `npm run dev:web` serves it with a proxy to that API.
const api = process.env['RLP_API_URL'] ?? 'http://localhost:3000';
const apiPaths = ['/auth', '/portfolios', '/documents', '/guidance', '/regulations', '/rulebooks', '/register', '/me', '/health'];

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web/candidate'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // React Query marks its modules "use client" (for server components); meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: api, changeOrigin: false }])),
  },
});
