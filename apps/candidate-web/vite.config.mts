import { portalConfig } from '../../libs/web-ui/vite.base.mts';

// The candidate portal (kandidaatportaal). `npm run build` writes it to dist/web/candidate, which
// the candidate API serves at / (ADR 0013); `npm run dev:web` serves it with a proxy to that API.
export default portalConfig({
  dir: import.meta.dirname,
  out: 'candidate',
  apiUrl: process.env['RLP_API_URL'] ?? 'http://localhost:3000',
  apiPaths: ['/auth', '/portfolios', '/documents', '/guidance', '/regulations', '/rulebooks', '/register', '/me', '/health'],
  port: 5173,
});
