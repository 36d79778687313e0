/**
 * A stand-alone outbox sender in its own process, for the crash test (test/mail-crash.e2e-spec.ts):
 * it delivers the outbox of DATABASE_URL to SMTP_URL with the same OutboxDelivery the apps use,
 * until it is killed. Run with `node --import tsx test/support/outbox-sender-child.ts`.
 */
import { Pool } from 'pg';
import { OutboxDelivery } from '../../libs/mail/src/delivery';

const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 2 });
const delivery = new OutboxDelivery(
  { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows },
  {
    smtpUrl: process.env['SMTP_URL']!,
    from: '"Register Loopbaanprofessional" <noreply@rlp.local>',
    instance: `child:${process.pid}`,
    leaseSeconds: Number(process.env['LEASE_SECONDS'] ?? '300'),
  },
);

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (;;) {
    const result = await delivery.drain();
    if (result.sent) process.stdout.write(`sent ${result.sent}\n`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
