import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { JobsService, type JobName } from '@rlp/jobs';
import { currentRulebook } from '@rlp/rulebook';
import { S3_CLIENT } from '../libs/storage/src/storage.service';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import type { S3Client } from '@aws-sdk/client-s3';
import type { CaughtMail } from '../libs/embedded/src/mail-catcher';
import { api, candidate, readyToSubmit } from './support/candidate-journey';

/**
 * The scheduled jobs (issue 15), each run through pg-boss (`runNow`) on a FixedClock, delivering to
 * the real SMTP catcher: who gets what, nothing for the wrong day or person, and nothing twice
 * when a job runs again.
 */
describe('scheduled jobs', () => {
  let p: TestPlatform;
  let jobs: JobsService;
  beforeAll(async () => {
    p = await startTestPlatform({ mail: true, now: new Date('2026-11-23T09:00:00Z') });
    jobs = p.assessor.get(JobsService);
  });
  afterAll(() => p.close());

  const run = (name: JobName) => jobs.runNow(name);
  const to = (addr: string) => (m: CaughtMail) => m.to.includes(addr.toLowerCase());
  const mailsTo = (addr: string) => p.mail!.messages().filter(to(addr));
  /** Lets the sender deliver whatever the run queued, then returns the outbox rows of this kind. */
  async function settled(kind: string): Promise<Array<{ recipient: string; status: string; dedupe_key: string }>> {
    for (let i = 0; i < 100; i++) {
      const rows = await p.db.query<{ recipient: string; status: string; dedupe_key: string }>(`SELECT "recipient", "status", "dedupe_key" FROM "outbox_messages" WHERE "kind" LIKE $1 ORDER BY "recipient"`, [kind]);
      if (rows.every((r) => r.status === 'sent')) return rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`outbox of ${kind} not delivered`);
  }

  async function dossier(status: string, submittedAt: Date | null): Promise<{ portfolioId: string; candidate: { id: string; email: string } }> {
    const c = await p.account('candidate', { displayName: 'Anna de Kandidaat' });
    const [row] = await p.db.query<{ id: string }>(
      `INSERT INTO "portfolios" ("candidate_id", "status", "rulebook_version", "created_at", "updated_at", "submitted_at") VALUES ($1, $2, $3, now(), now(), $4) RETURNING "id"`,
      [c.id, status, currentRulebook.id, submittedAt],
    );
    return { portfolioId: row!.id, candidate: { id: c.id, email: c.email } };
  }
  async function assignSql(portfolioId: string, assessorId: string, by: string) {
    await p.db.query(`INSERT INTO "assignments" ("portfolio_id", "assessor_id", "status", "assigned_at", "assigned_by") VALUES ($1, $2, 'active', now(), $3)`, [portfolioId, assessorId, by]);
  }
  async function booking(portfolioId: string, startsAt: string, by: string, status = 'booked') {
    const [slot] = await p.db.query<{ id: string }>(
      `INSERT INTO "interview_slots" ("portfolio_id", "starts_at", "duration_minutes", "location_kind", "location", "offered_by", "offered_at") VALUES ($1, $2, 90, 'address', 'Kantoor Utrecht, Catharijnesingel 1', $3, now()) RETURNING "id"`,
      [portfolioId, startsAt, by],
    );
    const [b] = await p.db.query<{ id: string }>(
      `INSERT INTO "interview_bookings" ("slot_id", "portfolio_id", "status", "sequence", "booked_at", "booked_by") VALUES ($1, $2, $3, 0, now(), $4) RETURNING "id"`,
      [slot!.id, portfolioId, status, by],
    );
    return b!.id;
  }

  it('interview reminder: the day before, to the candidate and both assessors; no assessor address to the candidate; once', async () => {
    p.clock.set(new Date('2026-11-23T07:00:00Z')); // Monday 08:00 in Amsterdam
    const admin = await p.account('admin');
    const a1 = await p.account('assessor', { displayName: 'Bram Assessor' });
    const a2 = await p.account('assessor', { displayName: 'Carla Assessor' });
    const tomorrow = await dossier('interview_planned', new Date('2026-10-01T10:00:00Z'));
    for (const a of [a1, a2]) await assignSql(tomorrow.portfolioId, a.id, admin.id);
    // Tuesday 24 November 10:30 Amsterdam (09:30 UTC).
    await booking(tomorrow.portfolioId, '2026-11-24T09:30:00Z', tomorrow.candidate.id);
    // Not tomorrow: the day after (Wednesday 00:30 Amsterdam is still Tuesday 23:30 UTC).
    const later = await dossier('interview_planned', new Date('2026-10-01T10:00:00Z'));
    await assignSql(later.portfolioId, a1.id, admin.id);
    await booking(later.portfolioId, '2026-11-24T23:30:00Z', later.candidate.id);

    const first = await run('interview-reminders');
    expect(first.outcome).toEqual({ interviews: 1, queued: 3 });
    expect(first.clockNow.toISOString()).toBe('2026-11-23T07:00:00.000Z');
    const mailC = await p.mail!.waitFor(to(tomorrow.candidate.email));
    const mail1 = await p.mail!.waitFor(to(a1.email));
    const mail2 = await p.mail!.waitFor(to(a2.email));
    expect(mailC.subject).toBe('Herinnering: uw certificeringsgesprek is morgen / Reminder: your certification interview is tomorrow — Register Loopbaanprofessional');
    expect(mailC.text).toContain('dinsdag 24 november 2026 om 10:30 (Nederlandse tijd)');
    expect(mailC.text).toContain('Tuesday, 24 November 2026 at 10:30 (Amsterdam time)');
    expect(mailC.text).toContain('24-11-2026 10:30');
    expect(mailC.text).toContain('Kantoor Utrecht, Catharijnesingel 1');
    expect(mailC.text).toContain(`${p.config.publicUrls.candidate}/dossier/${tomorrow.portfolioId}`);
    // Impartiality: neither assessor's address (nor name) reaches the candidate.
    for (const a of [a1, a2]) {
      expect(mailC.raw).not.toContain(a.email);
      expect(mailC.text).not.toContain('Assessor,');
    }
    expect(mailC.text).not.toMatch(/Bram|Carla/);
    expect(mail1.text).toContain('Beste Bram Assessor,');
    expect(mail1.text).toContain('Anna de Kandidaat');
    expect(mail1.text).toContain(`${p.config.publicUrls.assessor}/dossiers/${tomorrow.portfolioId}/gesprek`);
    expect(mail2.subject).not.toContain('Anna');
    // Nothing to the dossier of the day after.
    expect(p.mail!.messages().filter(to(later.candidate.email))).toEqual([]);

    // A second run (or a second instance) sends nothing again.
    const again = await run('interview-reminders');
    expect(again.outcome).toEqual({ interviews: 1, queued: 0 });
    await settled('interview.reminder.%');
    for (const addr of [tomorrow.candidate.email, a1.email, a2.email]) expect(mailsTo(addr).filter((m) => m.subject.startsWith('Herinnering'))).toHaveLength(1);

    // The next day, the other dossier's reminder goes (only to its candidate and its one assessor).
    p.clock.set(new Date('2026-11-24T07:00:00Z'));
    const next = await run('interview-reminders');
    expect(next.outcome).toEqual({ interviews: 1, queued: 2 });
    await p.mail!.waitFor(to(later.candidate.email));
  });

  it('office notices: a dossier waiting for assessors longer than OFFICE_WAIT_DAYS and an advice awaiting a decision, once each', async () => {
    p.clock.set(new Date('2026-12-01T06:30:00Z'));
    const office = p.config.mail.officeEmail;
    const admin = await p.account('admin');
    const a1 = await p.account('assessor');
    const old = await dossier('in_assessment', new Date('2026-11-24T10:00:00Z')); // 7 days
    await assignSql(old.portfolioId, a1.id, admin.id);
    const fresh = await dossier('submitted', new Date('2026-11-28T10:00:00Z')); // 3 days
    const advised = await dossier('interview_held', new Date('2026-10-01T10:00:00Z'));
    await p.db.query(
      `INSERT INTO "joint_records" ("portfolio_id", "kind", "content", "version", "agreed_by", "updated_at", "updated_by", "final_at") VALUES ($1, 'interview', '{}', 1, ARRAY[$2::uuid], $3, $2, $3)`,
      [advised.portfolioId, a1.id, new Date('2026-11-20T10:00:00Z')],
    );
    const before = p.mail!.messages().filter(to(office)).length;
    const result = await run('office-notices');
    expect(result.outcome).toEqual({ waitingForAssessors: 1, awaitingDecision: 1, queued: 2 });
    const rows = await settled('office.%');
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual([`office:advice-awaits-decision:${advised.portfolioId}`, `office:waiting-for-assessors:${old.portfolioId}`]);
    const waiting = await p.mail!.waitFor((m) => to(office)(m) && m.subject.startsWith('Dossier wacht op assessoren'));
    expect(waiting.text).toContain(`heeft na meer dan 5 dagen 1 van de 2 assessoren`);
    expect(waiting.text).toContain(`${p.config.publicUrls.assessor}/bureau/dossiers/${old.portfolioId}`);
    expect(waiting.text).not.toContain(fresh.portfolioId);
    const advice = await p.mail!.waitFor((m) => to(office)(m) && m.subject.startsWith('Advies wacht op een besluit'));
    expect(advice.text).toContain(`/bureau/dossiers/${advised.portfolioId}`);
    // No personal data in the subjects.
    for (const m of [waiting, advice]) expect(m.subject).not.toMatch(/Anna|Kandidaat/);
    // Rerun: nothing new.
    expect((await run('office-notices')).outcome).toEqual({ waitingForAssessors: 1, awaitingDecision: 1, queued: 0 });
    await settled('office.%');
    expect(p.mail!.messages().filter(to(office)).length).toBe(before + 2);
  });

  it('recertification: a register entry ending within 6 months, once, to the certified person', async () => {
    p.clock.set(new Date('2026-12-01T05:15:00Z'));
    const admin = await p.account('admin');
    const entry = async (validUntil: string, name: string) => {
      const d = await dossier('decided', new Date('2021-05-01T10:00:00Z'));
      const [dec] = await p.db.query<{ id: string }>(
        `INSERT INTO "decisions" ("portfolio_id", "candidate_id", "outcome", "decided_by", "decided_at") VALUES ($1, $2, 'certified', $3, '2021-06-01T10:00:00Z') RETURNING "id"`,
        [d.portfolioId, d.candidate.id, admin.id],
      );
      await p.db.query(
        `INSERT INTO "register_entries" ("certificate_number", "candidate_id", "portfolio_id", "decision_id", "holder_name", "starts_on", "valid_until", "created_at") VALUES ($1, $2, $3, $4, $5, '2021-06-01', $6, now())`,
        [`RLP-T-${Math.random().toString(36).slice(2, 8)}`, d.candidate.id, d.portfolioId, dec!.id, name, validUntil],
      );
      return d.candidate.email;
    };
    const soon = await entry('2027-05-31', 'Binnenkort'); // within 6 months
    const notYet = await entry('2027-06-02', 'Later'); // just beyond 6 months
    const result = await run('recertification-notices');
    expect(result.outcome).toEqual({ entries: 1, queued: 1 });
    const mail = await p.mail!.waitFor(to(soon));
    expect(mail.subject).toBe('Hercertificering: uw registratie loopt af / Recertification: your registration is ending — Register Loopbaanprofessional');
    expect(mail.text).toContain('31 mei 2027');
    expect((await run('recertification-notices')).outcome).toEqual({ entries: 1, queued: 0 });
    await settled('register.recertification');
    expect(p.mail!.messages().filter(to(soon))).toHaveLength(1);
    expect(p.mail!.messages().filter(to(notYet))).toHaveLength(0);
  });

  it('expiry notice: a draft item that stops counting within 30 days, per the rulebook; not for items further out; once', async () => {
    const today = '2026-11-23';
    p.clock.set(new Date(`${today}T09:00:00Z`));
    const ready = await readyToSubmit(p, today);
    const completeness = await api(p).get(`/portfolios/${ready.portfolioId}/completeness`).set(ready.c.auth).expect(200);
    const entries = (completeness.body.progress.countsUntil as Array<{ path: string; countsUntil: string }>).slice().sort((a, b) => a.countsUntil.localeCompare(b.countsUntil));
    expect(entries.length).toBeGreaterThan(0);
    const first = entries[0]!;
    const dayMs = 86_400_000;
    // 40 days before the first item stops counting: nothing to say yet.
    p.clock.set(new Date(Date.parse(`${first.countsUntil}T09:00:00Z`) - 40 * dayMs));
    const early = await run('expiry-notices');
    expect(early.outcome!['items']).toBe(0);
    // 10 days before: a notice for it (and for anything else ending within 30 days).
    p.clock.set(new Date(Date.parse(`${first.countsUntil}T09:00:00Z`) - 10 * dayMs));
    const due = await run('expiry-notices');
    const inWindow = entries.filter((e) => Date.parse(e.countsUntil) - Date.parse(first.countsUntil) <= 20 * dayMs);
    expect(due.outcome).toMatchObject({ items: inWindow.length, queued: inWindow.length });
    const mail = await p.mail!.waitFor(to(ready.c.email));
    expect(mail.subject).toBe('Een onderdeel van uw portfolio telt binnenkort niet meer / Part of your portfolio will soon stop counting — Register Loopbaanprofessional');
    expect(mail.text).toContain(first.countsUntil);
    // Named as the candidate knows it: the kind of evidence or the case, with its own title.
    expect(mail.text).toMatch(/(Het (diploma|cursuscertificaat|EVC-rapport|assessmentrapport|certificaat)|Casus \d) “[^”]+” in uw portfolio telt mee tot en met/);
    expect(mail.text).toContain(`${p.config.publicUrls.candidate}/portfolio/${ready.portfolioId}`);
    expect((await run('expiry-notices')).outcome).toMatchObject({ queued: 0 });
    await settled('portfolio.expiry-notice');
    expect(p.mail!.messages().filter(to(ready.c.email))).toHaveLength(inWindow.length);
  });

  it('purge: a pending upload a day old goes (object and row); a fresh one stays', async () => {
    const start = new Date('2026-12-02T09:00:00Z');
    p.clock.set(start);
    const c = await candidate(p);
    const stale = await api(p).post('/documents').set(c.auth).send({ filename: 'oud.pdf', contentType: 'application/pdf', sizeBytes: 10 }).expect(201);
    const staleTarget = stale.body.upload as { url: string; headers: Record<string, string> };
    expect((await fetch(staleTarget.url, { method: 'PUT', headers: staleTarget.headers, body: Buffer.from('%PDF-1.4 x') })).status).toBe(200);
    p.clock.set(new Date(start.getTime() + 20 * 3_600_000));
    const c2 = await candidate(p);
    const fresh = await api(p).post('/documents').set(c2.auth).send({ filename: 'nieuw.pdf', contentType: 'application/pdf', sizeBytes: 10 }).expect(201);
    p.clock.set(new Date(start.getTime() + 25 * 3_600_000));
    const result = await run('purge-uploads');
    expect(result.outcome).toEqual({ stale: 1, purged: 1, previews: 0 });
    const docs = await p.db.query<{ id: string }>(`SELECT "id" FROM "documents" WHERE "owner_id" = ANY($1)`, [[c.id, c2.id]]);
    expect(docs.map((d) => d.id)).toEqual([fresh.body.document.id]);
    const s3 = p.assessor.get<S3Client>(S3_CLIENT);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: p.config.storage.bucket, Prefix: `incoming/${c.id}/` }));
    expect((listed.Contents ?? []).map((o) => o.Key)).not.toContain(`incoming/${c.id}/${stale.body.document.id}`);
    const audit = await p.db.query(`SELECT 1 FROM "audit_events" WHERE "action" = 'document.purged' AND "subject_id" = $1`, [stale.body.document.id]);
    expect(audit).toHaveLength(1);
  });

  it('purge: storage objects no row points at (a day old, under the platform prefixes) go; referenced ones never', async () => {
    const s3 = p.assessor.get<S3Client>(S3_CLIENT);
    const bucket = p.config.storage.bucket;
    const put = (key: string) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    const orphan = 'verified/00000000-0000-0000-0000-000000000000/orphan/copy';
    const foreign = 'elsewhere/not-ours.txt';
    await put(orphan);
    await put(foreign);
    // The documents of a real candidate (verified: their objects are referenced).
    p.clock.set(new Date());
    const ready = await readyToSubmit(p, new Date().toISOString().slice(0, 10));
    const referenced = await p.db.query<{ storage_key: string }>(`SELECT "storage_key" FROM "documents" WHERE "owner_id" = $1`, [ready.c.id]);
    expect(referenced.length).toBe(4);
    // Too young yet: nothing goes.
    const young = await run('purge-orphan-objects');
    expect(young.outcome!['deleted']).toBe(0);
    // Two days on.
    p.clock.set(new Date(Date.now() + 2 * 86_400_000));
    const result = await run('purge-orphan-objects');
    const keys = async () => {
      const all: string[] = [];
      for (const prefix of ['verified/', 'incoming/', 'elsewhere/']) {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
        all.push(...(page.Contents ?? []).map((o) => o.Key!));
      }
      return all;
    };
    const left = await keys();
    expect(left).not.toContain(orphan);
    expect(left).toContain(foreign);
    for (const r of referenced) expect(left).toContain(r.storage_key);
    expect(result.outcome!['deleted']).toBeGreaterThanOrEqual(1);
  });
});
