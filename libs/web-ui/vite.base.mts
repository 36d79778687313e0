import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The Vite configuration every portal shares (ADR 0013): `npm run build` writes a portal to
 * dist/web/<out>, which its app serves at /; the dev server proxies the API paths to that app.
 * The shared web code is imported as `@rlp/web-ui/*`.
 */
export function portalConfig(options: { dir: string; out: string; apiUrl: string; apiPaths: string[]; port: number }): UserConfig {
  return defineConfig({
    root: options.dir,
    base: '/',
    oxc: { jsx: { runtime: 'automatic' } },
    resolve: { alias: { '@rlp/web-ui': resolve(import.meta.dirname, 'src') } },
    build: {
      outDir: resolve(import.meta.dirname, '../../dist/web', options.out),
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
      port: options.port,
      proxy: Object.fromEntries(options.apiPaths.map((p) => [p, { target: options.apiUrl, changeOrigin: false }])),
    },
  });
}
