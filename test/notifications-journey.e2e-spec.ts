import { outboxMessageId } from '@rlp/mail';
import { NOTIFICATION_KINDS, NotificationService } from '@rlp/notifications';
import { DataSource } from 'typeorm';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import type { CaughtMail } from '../libs/embedded/src/mail-catcher';
import { api, createPortfolio, readyToSubmit } from './support/candidate-journey';
import { assign, declare, judgedDossier, office, person, scoreAndSubmit } from './support/assessment-journey';

const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

interface Sent {
  id: string;
  recipient: string;
  kind: string;
  mail: CaughtMail;
}

// --- a small RFC 5545 reader -------------------------------------------------------------------

interface IcsProperty {
  name: string;
  params: string;
  value: string;
}

function icsProperties(ics: string): IcsProperty[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (!m) throw new Error(`bad line ${line}`);
      return { name: m[1]!, params: m[2]!, value: m[3]! };
    });
}

const prop = (props: IcsProperty[], name: string): string[] => props.filter((p) => p.name === name).map((p) => p.value);

/** The calendar part of a message: METHOD, UID, SEQUENCE, ORGANIZER, ATTENDEE(s), DTSTART. */
function invitationOf(mail: CaughtMail) {
  expect(mail.attachments).toHaveLength(1);
  const [a] = mail.attachments;
  expect(a!.contentType).toBe('text/calendar');
  const props = icsProperties(a!.content);
  return {
    method: prop(props, 'METHOD')[0],
    uid: prop(props, 'UID')[0],
    sequence: Number(prop(props, 'SEQUENCE')[0]),
    status: prop(props, 'STATUS')[0],
    organizer: prop(props, 'ORGANIZER')[0],
    attendees: prop(props, 'ATTENDEE'),
    start: prop(props, 'DTSTART')[0],
  };
}

describe('notifications: the dossier path leaves the expected messages (e2e, real SMTP)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ mail: true, env: LONG_SESSIONS });
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.set(START));

  const kinds = [...NOTIFICATION_KINDS] as string[];

  async function queuedIds(): Promise<Set<string>> {
    const rows = await p.db.query<{ id: string }>(`SELECT "id" FROM "outbox_messages" WHERE "kind" = ANY($1)`, [kinds]);
    return new Set(rows.map((r) => r.id));
  }

  /** Runs `fn`; returns this library's messages it queued, each as it arrived over SMTP. */
  async function step(fn: () => Promise<unknown>): Promise<Sent[]> {
    const before = await queuedIds();
    await fn();
    const rows = (await p.db.query<{ id: string; recipient: string; kind: string }>(`SELECT "id", "recipient", "kind" FROM "outbox_messages" WHERE "kind" = ANY($1) ORDER BY "recipient", "kind"`, [kinds])).filter(
      (r) => !before.has(r.id),
    );
    const sent: Sent[] = [];
    for (const r of rows) sent.push({ ...r, mail: await p.mail!.waitFor((m) => m.messageId === outboxMessageId(r.id), 20_000) });
    return sent;
  }

  const pairs = (sent: Sent[]) => sent.map((s) => `${s.recipient} ${s.kind}`).sort();
  const expected = (...list: Array<[string, string]>) => list.map(([to, kind]) => `${to.toLowerCase()} ${kind}`).sort();
  const one = (sent: Sent[], to: string, kind: string): CaughtMail => {
    const found = sent.filter((s) => s.recipient === to.toLowerCase() && s.kind === kind);
    expect(found).toHaveLength(1);
    return found[0]!.mail;
  };
  const everything = (mail: CaughtMail) => [mail.raw, mail.text, mail.html, ...mail.attachments.map((a) => a.content)].join('\n');

  it('tells each party what happened, and only what is theirs to know', async () => {
    const officeEmail = p.config.mail.officeEmail;
    const candidateUrl = p.config.publicUrls.candidate;
    const assessorUrl = p.config.publicUrls.assessor;
    const admin = await person(p, 'admin', 'Noloc');
    const decider = await person(p, 'admin', 'Noloc');
    const a1 = await person(p, 'assessor', 'Bureau Een', 'Anke Assessor');
    const a2 = await person(p, 'assessor', 'Bureau Twee', 'Bert Beoordelaar');
    const a3 = await person(p, 'assessor', 'Bureau Drie', 'Cees Collega');
    const ready = await readyToSubmit(p, TODAY);
    const c = ready.c;
    const id = ready.portfolioId;
    const [{ display_name: candidateName }] = (await p.db.query<{ display_name: string }>(`SELECT "display_name" FROM "users" WHERE "id" = $1`, [c.id])) as [{ display_name: string }];
    const all: Sent[] = [];

    // 1. Submission: the candidate, with the snapshot hash.
    let hash = '';
    let sent = await step(async () => {
      const res = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', `submit-${id}`).send({ revision: ready.revision }).expect(201);
      hash = res.body.submission.contentHash as string;
    });
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.submission_received']));
    let mail = one(sent, c.email, 'candidate.submission_received');
    expect(mail.subject).toBe('Portfolio ontvangen / Portfolio received — Register Loopbaanprofessional');
    expect(mail.text).toContain(`Beste ${candidateName},`);
    expect(mail.text).toContain(`Dear ${candidateName},`);
    expect(mail.text).toContain(hash);
    expect(mail.html).toContain(hash);
    expect(mail.text).toContain(`${candidateUrl}/dossier/${id}`);
    expect(mail.html).toContain(`href="${candidateUrl}/dossier/${id}"`);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // A refused second submission queues nothing.
    sent = await step(async () => {
      const res = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', `again-${id}`).send({ revision: ready.revision });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('PORTFOLIO_ALREADY_SUBMITTED');
    });
    expect(sent).toEqual([]);

    // 2. Assignment: the assessor, with the deadline (28 days), nothing about the candidate.
    sent = await step(async () => expect((await assign(p, admin, id, a1)).status).toBe(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a1.email, 'assessor.assigned']));
    mail = one(sent, a1.email, 'assessor.assigned');
    expect(mail.subject).toBe('Nieuw dossier toegewezen / New dossier assigned — Register Loopbaanprofessional');
    expect(mail.text).toContain('Beste Anke Assessor,');
    expect(mail.text).toContain('uiterlijk op 21 december 2026');
    expect(mail.text).toContain('by 21 December 2026 at the latest');
    expect(mail.text).toContain(`${assessorUrl}/dossiers/${id}`);
    expect(everything(mail)).not.toContain(candidateName);
    expect(everything(mail)).not.toContain(c.email);

    // 3. An assessor declines: the office hears it, with the reason.
    all.push(...(await step(async () => expect((await assign(p, admin, id, a3)).status).toBe(201))));
    sent = await step(() => office(p).post(`/assessments/${id}/decline`).set(a3.auth).send({ reason: 'Ik heb de kandidaat eerder begeleid' }).expect(200));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([officeEmail, 'office.assessor_declined']));
    mail = one(sent, officeEmail, 'office.assessor_declined');
    expect(mail.text).toContain('Ik heb de kandidaat eerder begeleid');
    expect(mail.text).toContain('Cees Collega');
    expect(mail.text).toContain(`${assessorUrl}/bureau/dossiers/${id}`);
    expect(mail.subject).not.toContain('Cees');

    sent = await step(async () => expect((await assign(p, admin, id, a2)).status).toBe(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a2.email, 'assessor.assigned']));
    expect(await step(() => Promise.all([declare(p, a1, id), declare(p, a2, id)]))).toEqual([]);

    // 4. Blind scoring: the co-assessor learns only that the other submitted.
    sent = await step(() => scoreAndSubmit(p, a1, id));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a2.email, 'assessor.co_assessor_submitted']));
    mail = one(sent, a2.email, 'assessor.co_assessor_submitted');
    expect(everything(mail)).not.toMatch(/aangetoond/i);
    expect(everything(mail)).not.toContain('Anke');
    expect(everything(mail)).not.toContain(a1.email);
    expect(mail.text).toContain('zie je pas nadat je je eigen beoordeling hebt ingediend');
    sent = await step(() => scoreAndSubmit(p, a2, id));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a1.email, 'assessor.co_assessor_submitted']));
    // The first to submit is told that the comparison is open now.
    mail = one(sent, a1.email, 'assessor.co_assessor_submitted');
    expect(mail.text).toContain('Jullie kunnen de beoordelingen vergelijken');
    expect(mail.text).toContain(`${assessorUrl}/dossiers/${id}/vergelijking`);
    expect(everything(mail)).not.toMatch(/aangetoond/i);

    // 5. The joint judgement: a save asks nothing; an agreement asks the other; the second makes it final.
    const j0 = await office(p).get(`/assessments/${id}/judgement`).set(a1.auth).expect(200);
    const criteria = (await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200)).body.criteria as Array<{ code: string }>;
    const saved = await office(p).put(`/assessments/${id}/judgement`).set(a1.auth).set('If-Match', j0.headers['etag']!).send({ criteria: Object.fromEntries(criteria.map((k) => [k.code, { verdict: 'aangetoond' }])) });
    expect(saved.status).toBe(200);
    expect(await step(async () => undefined)).toEqual([]);
    sent = await step(() => office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', saved.headers['etag']!).expect(200));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a2.email, 'assessor.agreement_needed']));
    mail = one(sent, a2.email, 'assessor.agreement_needed');
    expect(mail.text).toContain(`${assessorUrl}/dossiers/${id}/oordeel`);
    expect(everything(mail)).not.toMatch(/aangetoond/i);
    // Agreeing again to the same version asks nothing twice.
    expect(await step(() => office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', saved.headers['etag']!).expect(200))).toEqual([]);
    expect(await step(() => office(p).post(`/assessments/${id}/judgement/agree`).set(a2.auth).set('If-Match', saved.headers['etag']!).expect(200))).toEqual([]);

    // 6. Slots: one message for a batch; a refused batch queues nothing.
    const slot = (date: string, time: string) => ({ date, time, durationMinutes: 90, onlineUrl: 'https://meet.example.nl/rlp' });
    sent = await step(async () => {
      const bad = await office(p).post(`/assessments/${id}/slots/batch`).set(a1.auth).send({ slots: [slot('2026-12-05', '10:00'), slot('2026-11-01', '10:00')] });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('INVALID_SLOTS');
    });
    expect(sent).toEqual([]);
    let slotIds: string[] = [];
    sent = await step(async () => {
      const res = await office(p).post(`/assessments/${id}/slots/batch`).set(a1.auth).send({ slots: [slot('2026-12-03', '14:00'), slot('2026-12-04', '10:00')] }).expect(201);
      slotIds = (res.body.slots as Array<{ id: string }>).map((s) => s.id);
    });
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.slots_available']));
    mail = one(sent, c.email, 'candidate.slots_available');
    expect(mail.text).toContain('2 nieuwe tijdstippen');
    expect(mail.text).toContain('– donderdag 3 december 2026 om 14:00 (Nederlandse tijd)\n\n– vrijdag 4 december 2026 om 10:00 (Nederlandse tijd)');
    expect(mail.html).toContain('<p>– vrijdag 4 december 2026 om 10:00 (Nederlandse tijd)</p>');
    expect(mail.text).toContain('– Friday, 4 December 2026 at 10:00 (Amsterdam time)');
    expect(mail.text).toContain(`${candidateUrl}/dossier/${id}`);
    const [slot1, slot2] = slotIds as [string, string];

    // 7. A booking that fails half-way (the last recipient's message is refused by the database) leaves nothing.
    await p.db.query(`CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await p.db.query(`CREATE TRIGGER refuse_mail BEFORE INSERT ON outbox_messages FOR EACH ROW WHEN (NEW.recipient = '${a2.email.toLowerCase()}') EXECUTE FUNCTION refuse_mail()`);
    try {
      sent = await step(async () => {
        const res = await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1 });
        expect(res.status).toBeGreaterThanOrEqual(500);
      });
      expect(sent).toEqual([]);
      expect(await p.db.query(`SELECT 1 FROM interview_bookings WHERE portfolio_id = $1`, [id])).toEqual([]);
    } finally {
      await p.db.query(`DROP TRIGGER refuse_mail ON outbox_messages`);
      await p.db.query(`DROP FUNCTION refuse_mail()`);
    }

    // 8. Booked: everyone invited gets their own REQUEST; the candidate's lists no assessor.
    const uid = `interview-${id}@register-loopbaanprofessional.nl`;
    const checkInvitations = (batch: Sent[], method: 'REQUEST' | 'CANCEL', sequence: number, start: string) => {
      for (const s of batch) {
        const inv = invitationOf(s.mail);
        expect(inv).toMatchObject({ method, uid, sequence, start, organizer: `mailto:${officeEmail}`, status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED' });
        expect(inv.attendees).toEqual([`mailto:${s.recipient}`]);
        expect(s.mail.raw).toMatch(new RegExp(`Content-Type: text/calendar;[^\\r\\n]*method=${method}`, 'i'));
      }
    };
    sent = await step(() => api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1 }).expect(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.interview_booked'], [a1.email, 'assessor.interview_booked'], [a2.email, 'assessor.interview_booked']));
    checkInvitations(sent, 'REQUEST', 0, '20261203T130000Z');
    mail = one(sent, c.email, 'candidate.interview_booked');
    expect(mail.text).toContain('donderdag 3 december 2026 om 14:00');
    expect(mail.text).toContain('When: Thursday, 3 December 2026 at 14:00 (Amsterdam time)');
    expect(mail.text).toContain('Wanneer: donderdag 3 december 2026 om 14:00 (Nederlandse tijd)');
    expect(mail.text).toContain('https://meet.example.nl/rlp');
    // Booking the booked slot again changes nothing and sends nothing.
    expect(await step(() => api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1 }).expect(201))).toEqual([]);
    // A slot offered while an interview is booked: no "choose a time" message.
    expect(await step(() => office(p).post(`/assessments/${id}/slots`).set(a2.auth).send(slot('2026-12-07', '09:00')).expect(201))).toEqual([]);

    // 9. Moved: same UID, higher SEQUENCE, still REQUEST.
    sent = await step(() => api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot2 }).expect(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.interview_moved'], [a1.email, 'assessor.interview_moved'], [a2.email, 'assessor.interview_moved']));
    checkInvitations(sent, 'REQUEST', 1, '20261204T090000Z');
    expect(one(sent, a1.email, 'assessor.interview_moved').text).toContain('Eerder gepland: donderdag 3 december 2026 om 14:00');

    // 10. Cancelled by an assessor: METHOD:CANCEL to all, saying by whom.
    sent = await step(() => office(p).post(`/assessments/${id}/interview/cancel`).set(a2.auth).send({ reason: 'Ziek' }).expect(200));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.interview_cancelled'], [a1.email, 'assessor.interview_cancelled'], [a2.email, 'assessor.interview_cancelled']));
    checkInvitations(sent, 'CANCEL', 2, '20261204T090000Z');
    mail = one(sent, c.email, 'candidate.interview_cancelled');
    expect(mail.text).toContain('geannuleerd door een assessor');
    expect(mail.text).toContain('cancelled by an assessor');
    expect(mail.text).toContain('Reden: Ziek');
    expect(everything(mail)).not.toContain('Bert');

    // 11. Booked again: a new REQUEST above the cancellation's SEQUENCE; then cancelled by the candidate.
    sent = await step(() => api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1 }).expect(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.interview_booked'], [a1.email, 'assessor.interview_booked'], [a2.email, 'assessor.interview_booked']));
    checkInvitations(sent, 'REQUEST', 3, '20261203T130000Z');
    // The portal's download is the same copy: same UID and SEQUENCE, only the candidate invited.
    const download = icsProperties((await api(p).get(`/portfolios/${id}/interview.ics`).set(c.auth).expect(200)).text);
    expect([prop(download, 'UID'), prop(download, 'SEQUENCE'), prop(download, 'ORGANIZER'), prop(download, 'ATTENDEE')]).toEqual([[uid], ['3'], [`mailto:${officeEmail}`], [`mailto:${c.email}`]]);
    const assessorDownload = icsProperties((await office(p).get(`/assessments/${id}/interview.ics`).set(a1.auth).expect(200)).text);
    expect(prop(assessorDownload, 'ATTENDEE')).toEqual([`mailto:${a1.email}`]);

    // 12. The interview is held; the record's first agreement asks the other; the second tells the office.
    p.clock.set(new Date('2026-12-03T15:00:00Z'));
    const record = await office(p).put(`/assessments/${id}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'positive', motivation: 'Zie bevindingen' }).expect(200);
    sent = await step(() => office(p).post(`/assessments/${id}/interview-record/agree`).set(a2.auth).set('If-Match', record.headers['etag']!).expect(200));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([a1.email, 'assessor.agreement_needed']));
    expect(one(sent, a1.email, 'assessor.agreement_needed').text).toContain(`${assessorUrl}/dossiers/${id}/verslag`);
    sent = await step(() => office(p).post(`/assessments/${id}/interview-record/agree`).set(a1.auth).set('If-Match', record.headers['etag']!).expect(200));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([officeEmail, 'office.advice_ready']));

    // 13. The decision: the letter stays in the portal.
    sent = await step(() => office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'certified' }).expect(201));
    all.push(...sent);
    expect(pairs(sent)).toEqual(expected([c.email, 'candidate.decision_taken']));
    mail = one(sent, c.email, 'candidate.decision_taken');
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain(`${candidateUrl}/dossier/${id}`);
    expect(mail.subject).toBe('Besluit over je certificering / Decision on your certification — Register Loopbaanprofessional');

    // Across the whole path: nobody received another person's address, no subject has a name.
    const people = [c, a1, a2, a3, admin, decider];
    for (const s of all) {
      for (const other of people.filter((x) => x.email.toLowerCase() !== s.recipient)) expect(everything(s.mail)).not.toContain(other.email);
      for (const name of [candidateName, 'Anke', 'Bert', 'Cees']) expect(s.mail.subject).not.toContain(name);
      expect(s.mail.to).toEqual([s.recipient]);
      // Dutch first, English second.
      expect(s.mail.text.indexOf('— English —')).toBeGreaterThan(0);
    }
    // Every message of the path was delivered exactly once.
    for (const s of all) expect(p.mail!.messages().filter((m) => m.messageId === outboxMessageId(s.id))).toHaveLength(1);
  });

  it('returns for supplement: the candidate is sent to the decision and the new draft', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const decider = await person(p, 'admin', 'Noloc');
    const a1 = await person(p, 'assessor', 'Bureau Vier');
    const a2 = await person(p, 'assessor', 'Bureau Vijf');
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    const s = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date: '2026-12-10', time: '09:00', durationMinutes: 60, address: 'Stationsplein 1, Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: s.body.id }).expect(201);
    // Cancelled by the candidate: each party's CANCEL says so.
    const cancelled = await step(() => api(p).post(`/portfolios/${d.portfolioId}/interview/cancel`).set(d.c.auth).send({ reason: 'Verhinderd' }).expect(200));
    expect(pairs(cancelled)).toEqual(expected([d.c.email, 'candidate.interview_cancelled'], [a1.email, 'assessor.interview_cancelled'], [a2.email, 'assessor.interview_cancelled']));
    expect(one(cancelled, d.c.email, 'candidate.interview_cancelled').text).toContain('geannuleerd door jou');
    const toAssessor = one(cancelled, a1.email, 'assessor.interview_cancelled');
    expect(toAssessor.text).toContain('geannuleerd door de kandidaat');
    expect(toAssessor.text).toContain('cancelled by the candidate');
    expect(toAssessor.text).toContain('Stationsplein 1, Utrecht');
    expect(invitationOf(toAssessor)).toMatchObject({ method: 'CANCEL', sequence: 1, attendees: [`mailto:${a1.email.toLowerCase()}`] });
    // Booked again after the cancellation: REQUEST with SEQUENCE 2 (above the CANCEL's 1).
    const again = await step(() => api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: s.body.id }).expect(201));
    expect(invitationOf(one(again, d.c.email, 'candidate.interview_booked'))).toMatchObject({ method: 'REQUEST', sequence: 2 });
    p.clock.set(new Date('2026-12-10T12:00:00Z'));
    const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'negative', motivation: 'Casus 2 onvoldoende' }).expect(200);
    for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
    let next = '';
    const sent = await step(async () => {
      const res = await office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(decider.auth).send({ outcome: 'returned_for_supplement', motivation: 'Vul casus 2 aan' }).expect(201);
      next = res.body.nextPortfolioId as string;
    });
    expect(pairs(sent)).toEqual(expected([d.c.email, 'candidate.returned_for_supplement']));
    const mail = sent[0]!.mail;
    expect(mail.text).toContain(`${p.config.publicUrls.candidate}/dossier/${d.portfolioId}`);
    expect(mail.text).toContain(`${p.config.publicUrls.candidate}/portfolio/${next}`);
    expect(mail.attachments).toEqual([]);
  });

  it('tells the candidate when the interview is recorded as missed, and what follows', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const a1 = await person(p, 'assessor', 'Bureau Zes');
    const a2 = await person(p, 'assessor', 'Bureau Zeven');
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    const s = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date: '2026-12-10', time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: s.body.id }).expect(201);
    p.clock.set(new Date('2026-12-10T12:00:00Z'));
    const sent = await step(() =>
      office(p).post(`/assessments/${d.portfolioId}/interview/missed`).set(a1.auth).send({ kind: 'no_show', absentParty: 'assessor', absentAssessorId: a2.id, reason: 'Assessor Zeven was ziek', next: 'new_slots' }).expect(200),
    );
    expect(pairs(sent)).toEqual(expected([d.c.email, 'candidate.interview_missed']));
    const mail = sent[0]!.mail;
    expect(mail.text).toContain('donderdag 10 december 2026 om 09:00 (Nederlandse tijd)');
    expect(mail.text).toContain('omdat een assessor verhinderd was');
    expect(mail.text).toContain('De assessoren bieden nieuwe tijdstippen aan');
    expect(everything(mail)).not.toContain('ziek');
    expect(mail.attachments).toEqual([]);
  });

  it('queues nothing for a booking refused because an assessor is no longer free', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const shared = await person(p, 'assessor', 'Bureau Acht');
    const [b1, b2] = [await person(p, 'assessor', 'Bureau Negen'), await person(p, 'assessor', 'Bureau Tien')];
    const first = await judgedDossier(p, TODAY, admin, [shared, b1]);
    const second = await judgedDossier(p, TODAY, admin, [shared, b2]);
    const s1 = await office(p).post(`/assessments/${first.portfolioId}/slots`).set(shared.auth).send({ date: '2027-01-12', time: '10:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    const s2 = await office(p).post(`/assessments/${second.portfolioId}/slots`).set(shared.auth).send({ date: '2027-01-12', time: '10:30', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    const booked = await step(() => api(p).post(`/portfolios/${first.portfolioId}/interview/booking`).set(first.c.auth).send({ slotId: s1.body.id }).expect(201));
    expect(pairs(booked)).toEqual(expected([first.c.email, 'candidate.interview_booked'], [shared.email, 'assessor.interview_booked'], [b1.email, 'assessor.interview_booked']));
    const refused = await step(async () => {
      const res = await api(p).post(`/portfolios/${second.portfolioId}/interview/booking`).set(second.c.auth).send({ slotId: s2.body.id });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ASSESSOR_NOT_AVAILABLE');
    });
    expect(refused).toEqual([]);
  });

  it('asks every candidate with a draft to accept a new gedragscode, in one statement, with their own name and draft', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const withDraft = await Promise.all([0, 1].map(async (i) => {
      const a = await p.account('candidate', { displayName: i === 0 ? 'Eva <b>&amp;</b> "Jansen"' : 'Femke de Boer' });
      const c = { ...a, auth: { Authorization: `Bearer ${a.token}` } };
      const portfolio = await createPortfolio(p, c);
      return { ...c, portfolioId: portfolio.id, name: i === 0 ? 'Eva <b>&amp;</b> "Jansen"' : 'Femke de Boer' };
    }));
    const withoutDraft = await p.account('candidate');
    const assessor = await person(p, 'assessor');
    const base = '/admin/regulations/gedragscode/versions';
    const draft = await office(p).post(base).set(admin.auth).send({ changeSummary: 'Sociale media' }).expect(201);
    const version = draft.body.version as number;
    const sent = await step(() => office(p).post(`${base}/${version}/publish`).set(admin.auth).send({ effectiveFrom: '2026-12-01' }).expect(200));
    // Earlier tests left candidates with drafts too (a returned dossier's new draft): they are asked as well.
    const mine = sent.filter((s) => withDraft.some((c) => c.email.toLowerCase() === s.recipient));
    expect(pairs(mine)).toEqual(expected(...withDraft.map((c) => [c.email, 'regulation.acceptance_needed'] as [string, string])));
    expect(sent.every((s) => s.kind === 'regulation.acceptance_needed')).toBe(true);
    expect(sent.map((s) => s.recipient)).not.toContain(withoutDraft.email.toLowerCase());
    expect(sent.map((s) => s.recipient)).not.toContain(assessor.email.toLowerCase());
    for (const c of withDraft) {
      const mail = sent.find((s) => s.recipient === c.email.toLowerCase())!.mail;
      expect(mail.subject).toBe('Nieuwe versie van de gedragscode / New version of the code of conduct — Register Loopbaanprofessional');
      expect(mail.text).toContain(`Beste ${c.name},`);
      expect(mail.text).toContain(`${p.config.publicUrls.candidate}/portfolio/${c.portfolioId}/verklaringen`);
      expect(mail.text).toContain('1 december 2026');
      expect(mail.text).not.toContain('{{rlp:');
      expect(mail.html).not.toContain('{{rlp:');
    }
    const eva = sent.find((s) => s.recipient === withDraft[0]!.email.toLowerCase())!.mail;
    expect(eva.html).toContain('Beste Eva &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Jansen&quot;,');
    expect(eva.html).not.toContain('<b>');
    // The klachtenreglement's reglement sibling (the reglement itself) is read, not accepted: nobody is asked.
    const reglement = await office(p).post('/admin/regulations/reglement/versions').set(admin.auth).send({ changeSummary: 'x' }).expect(201);
    expect(await step(() => office(p).post(`/admin/regulations/reglement/versions/${reglement.body.version}/publish`).set(admin.auth).send({ effectiveFrom: '2026-12-01' }).expect(200))).toEqual([]);
  });

  it('queues the notice for thousands of candidates in one statement', async () => {
    const n = 3000;
    await p.db.query(
      `INSERT INTO users (id, email, password_hash, role, display_name, active)
       SELECT gen_random_uuid(), 'bulk-' || i || '@test.rlp.local', 'x', 'candidate', 'Bulk ' || i, true FROM generate_series(1, $1) i`,
      [n],
    );
    await p.db.query(
      `INSERT INTO portfolios (candidate_id, status, rulebook_version, created_at, updated_at)
       SELECT id, 'draft', (SELECT rulebook_version FROM portfolios LIMIT 1), now(), now() FROM users WHERE email LIKE 'bulk-%'`,
    );
    // The statement the publish runs, inside a transaction that is then rolled back: measured, and nothing is sent.
    const service = p.assessor.get(NotificationService);
    let queued = 0;
    let ms = 0;
    await expect(
      p.assessor.get(DataSource).transaction(async (m) => {
        const started = performance.now();
        queued = await service.regulationPublished(m, { type: 'klachtenreglement', version: 99, effectiveFrom: '2026-12-01' });
        ms = performance.now() - started;
        const [{ count }] = (await m.query(`SELECT count(*) FROM outbox_messages WHERE dedupe_key LIKE 'regulation:klachtenreglement:99:%'`)) as [{ count: string }];
        expect(Number(count)).toBeGreaterThanOrEqual(n);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(queued).toBeGreaterThanOrEqual(n);
    expect(await p.db.query(`SELECT 1 FROM outbox_messages WHERE dedupe_key LIKE 'regulation:klachtenreglement:99:%'`)).toEqual([]);
    // Measured, not asserted tightly (a shared 2-core machine).
    console.log(`regulation notice for ${queued} candidates queued in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(30_000);
  });
});
