import { portalConfig } from '../../libs/web-ui/vite.base.mts';

// The portal for assessors and the certification office. `npm run build` writes it to
// dist/web/assessor, which the assessor API serves at / (ADR 0016); `npm run dev:web:assessor`
// serves it with a proxy to that API.
export default portalConfig({
  dir: import.meta.dirname,
  out: 'assessor',
  apiUrl: process.env['RLP_API_URL'] ?? 'http://localhost:3001',
  apiPaths: ['/auth', '/assessments', '/admin', '/regulations', '/register', '/health'],
  port: 5174,
});
