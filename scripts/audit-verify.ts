/**
 * Verifies the audit trail's hash chain: `DATABASE_URL=… npm run -s audit:verify`.
 * Exit 0 when intact (prints the head: record it elsewhere to anchor the chain), 1 when broken
 * (prints the first problems), 2 on usage errors. Events committed moments ago that the apps'
 * background chainer has not chained yet are counted as `pending`, not as a problem; one left
 * unchained for longer is (`UNCHAINED`, ADR 0024). The running platform offers the same check at
 * GET /admin/audit-events/verify.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../libs/audit/src/audit-chain';
import { dataSourceOptions } from '../libs/persistence/src/data-source-options';

async function main(): Promise<number> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('DATABASE_URL is required');
    return 2;
  }
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const report = await verifyAuditChain(ds);
    console.log(JSON.stringify(report, null, 2));
    return report.ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('audit verification failed:', err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
