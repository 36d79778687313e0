import { DataSource } from 'typeorm';
import { composeMail, Outbox, outboxMessageId } from '@rlp/mail';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/** The outbox contract (issue 15): written with the change, delivered over real SMTP after commit. */
describe('mail outbox', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ mail: true });
  });
  afterAll(() => p.close());

  const message = (to: string, dedupeKey?: string) =>
    composeMail({
      to,
      kind: 'test.hello',
      subject: { nl: 'Proefbericht', en: 'Test message' },
      greeting: { nl: 'Beste <Anna>,', en: 'Dear <Anna>,' },
      paragraphs: [{ nl: 'Dit is een proef.', en: 'This is a test.' }],
      facts: [{ label: { nl: 'Kenmerk', en: 'Reference' }, value: 'abc&123' }],
      action: { label: { nl: 'Open het portaal', en: 'Open the portal' }, url: 'http://localhost:3000/?a=1&b=2' },
      ...(dedupeKey ? { dedupeKey } : {}),
    });

  it('delivers a committed message over SMTP, with both languages in HTML (escaped) and text', async () => {
    const ds = p.candidate.get(DataSource);
    const [id] = await ds.transaction((m) => p.candidate.get(Outbox).enqueue(m, message('anna@test.rlp.local')));
    const mail = await p.mail!.waitFor((m) => m.to.includes('anna@test.rlp.local'));
    expect(mail.messageId).toBe(outboxMessageId(id!));
    expect(mail.subject).toBe('Proefbericht / Test message — Register Loopbaanprofessional');
    expect(mail.text).toContain('Beste <Anna>,');
    expect(mail.text).toContain('— English —');
    expect(mail.text).toContain('Open the portal: http://localhost:3000/?a=1&b=2');
    expect(mail.html).toContain('Beste &lt;Anna&gt;,');
    expect(mail.html).not.toContain('<Anna>');
    expect(mail.html).toContain('href="http://localhost:3000/?a=1&amp;b=2"');
    // Marked sent right after the server's answer; one attempt, by one of the apps, lease released.
    let row: { status: string; sent_at: Date | null; attempts: number; claimed_by: string | null; lease_until: Date | null; recovered_at: Date | null } | undefined;
    for (let i = 0; i < 50 && row?.status !== 'sent'; i++) {
      [row] = await p.db.query(`SELECT "status", "sent_at", "attempts", "claimed_by", "lease_until", "recovered_at" FROM "outbox_messages" WHERE "id" = $1`, [id]);
      if (row?.status !== 'sent') await new Promise((r) => setTimeout(r, 50));
    }
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lease_until: null, recovered_at: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
    expect(row!.claimed_by).toMatch(/^(candidate|assessor)-api@/);
  });

  it('sends nothing for a rolled-back change', async () => {
    const ds = p.candidate.get(DataSource);
    await expect(
      ds.transaction(async (m) => {
        await p.candidate.get(Outbox).enqueue(m, message('rolled-back@test.rlp.local'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const [{ n }] = (await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM "outbox_messages" WHERE "recipient" = 'rolled-back@test.rlp.local'`)) as [{ n: string }];
    expect(Number(n)).toBe(0);
    // A later message arrives; the rolled-back one never did.
    await p.candidate.get(DataSource).transaction((m) => p.candidate.get(Outbox).enqueue(m, message('after@test.rlp.local')));
    await p.mail!.waitFor((m) => m.to.includes('after@test.rlp.local'));
    expect(p.mail!.messages().filter((m) => m.to.includes('rolled-back@test.rlp.local'))).toEqual([]);
  });

  it('queues a dedupe key once only', async () => {
    const ds = p.assessor.get(DataSource);
    const first = await ds.transaction((m) => p.assessor.get(Outbox).enqueue(m, message('once@test.rlp.local', 'test:once')));
    const second = await ds.transaction((m) => p.assessor.get(Outbox).enqueue(m, message('once@test.rlp.local', 'test:once')));
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    await p.mail!.waitFor((m) => m.to.includes('once@test.rlp.local'));
    const rows = await p.db.query(`SELECT 1 FROM "outbox_messages" WHERE "recipient" = 'once@test.rlp.local'`);
    expect(rows).toHaveLength(1);
  });
});
