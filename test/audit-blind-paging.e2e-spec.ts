import { AuditChainer } from '@rlp/audit';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { assign, declare, office, person, submittedDossier, type Person } from './support/assessment-journey';

const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');

type Event = { id: string; action: string; actorId: string | null; occurredAt: string; requestId: string | null; chainSeq: string | null; hash: string | null };
// The same event as two readers see it (a blind admin gets sealed ids).
const sameEvent = (e: Event) => `${e.occurredAt} ${e.action} ${e.actorId} ${e.requestId}`;

/**
 * Issue 18: an admin who assesses a dossier reads its audit trail while the co-assessor scores.
 * The co-assessor's scoring events are hidden from them (blind scoring); the pages must not give
 * away that those events exist: no empty page with a cursor, no count of them anywhere.
 */
describe('audit trail: a blind admin pages over the events they may see (e2e)', () => {
  let p: TestPlatform;
  let admin: Person;
  let a1: Person;
  let seer: Person;
  let id: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    p.clock.set(START);
    seer = await person(p, 'admin', 'Noloc');
    const d = await submittedDossier(p, TODAY);
    id = d.portfolioId;
    a1 = await person(p, 'assessor', 'Bureau Een');
    admin = await person(p, 'admin', 'Bureau Twee');
    for (const a of [a1, admin]) {
      expect((await assign(p, seer, id, a)).status).toBe(201);
      await declare(p, a, id);
    }
    // The co-assessor saves a scoring seven times: seven scoring events, the newest of the dossier.
    const current = await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200);
    const codes = (current.body.criteria as Array<{ code: string }>).map((c) => c.code);
    let etag = current.headers['etag']!;
    for (let i = 0; i < 7; i++) {
      const scores = Object.fromEntries(codes.map((code, n) => [code, { verdict: n === i ? 'niet_aangetoond' : 'aangetoond', ...(n === i ? { motivation: `Ronde ${i}` } : {}) }]));
      const saved = await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', etag).send({ scores }).expect(200);
      etag = saved.headers['etag']!;
    }
    // Every event chained (the background chainer does so right after each commit): positions and head are final.
    await p.assessor.get(AuditChainer).chainPending();
  });
  afterAll(() => p.close());

  const pageAll = async (reader: Person, limit: number) => {
    const pages: Array<{ events: Event[]; nextBefore: string | null; keys: string[] }> = [];
    let before: string | null = null;
    do {
      const res = await office(p)
        .get(`/admin/audit-events?portfolioId=${id}&limit=${limit}${before ? `&before=${before}` : ''}`)
        .set(reader.auth)
        .expect(200);
      pages.push({ events: res.body.events as Event[], nextBefore: res.body.nextBefore as string | null, keys: Object.keys(res.body as object).sort() });
      before = res.body.nextBefore as string | null;
    } while (before && pages.length < 100);
    return pages;
  };

  it('fills every page with visible events and sets a cursor only when more visible events follow', async () => {
    const everything = (await pageAll(seer, 500))[0]!.events;
    const coScoring = everything.filter((e) => e.action.startsWith('scoring.') && e.actorId === a1.id);
    expect(coScoring.length).toBe(7);
    const visible = everything.filter((e) => !coScoring.includes(e));
    expect(visible.length).toBeGreaterThanOrEqual(6);

    for (const limit of [1, 2, 3, 5]) {
      const pages = await pageAll(admin, limit);
      const seen = pages.flatMap((page) => page.events);
      // Exactly the visible events, newest first, each once.
      expect(seen.map(sameEvent)).toEqual(visible.map(sameEvent));
      // Without positions: sealed ids and cursors, no chain position or hash (gaps would count hidden events).
      for (const e of seen) {
        expect(e.id).toMatch(/^s\.[A-Za-z0-9_-]+$/);
        expect(e.chainSeq).toBeNull();
        expect(e.hash).toBeNull();
      }
      for (const page of pages) if (page.nextBefore) expect(page.nextBefore).toMatch(/^s\./);
      pages.forEach((page, n) => {
        expect(page.keys).toEqual(['events', 'nextBefore']);
        // Every page but the last is full; a cursor never comes with an empty or short page.
        if (n < pages.length - 1) expect(page.events.length).toBe(limit);
        else expect(page.nextBefore).toBeNull();
        expect(page.events.length).toBeGreaterThan(0);
      });
      expect(pages.length).toBe(Math.ceil(visible.length / limit));
    }
  });

  it('takes only its own sealed cursors from a blind admin, and gives everyone else plain positions', async () => {
    const everything = (await pageAll(seer, 500))[0]!.events;
    expect(everything.every((e) => /^\d+$/.test(e.id) && /^\d+$/.test(e.chainSeq!) && /^[0-9a-f]{64}$/.test(e.hash!))).toBe(true);
    // Probing with plain ids (to find positions) is refused, as is a changed or foreign cursor.
    const plain = await office(p).get(`/admin/audit-events?portfolioId=${id}&before=${everything[0]!.id}`).set(admin.auth).expect(400);
    expect(plain.body.code).toBe('INVALID_CURSOR');
    const first = await office(p).get(`/admin/audit-events?portfolioId=${id}&limit=1`).set(admin.auth).expect(200);
    const cursor = first.body.nextBefore as string;
    const bent = cursor.slice(0, -4) + (cursor.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await office(p).get(`/admin/audit-events?portfolioId=${id}&before=${bent}`).set(admin.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await office(p).get(`/admin/audit-events?portfolioId=${id}&before=${cursor}`).set(seer.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
    await office(p).get(`/admin/audit-events?portfolioId=${id}&before=${cursor}`).set(admin.auth).expect(200);
  });

  it('the chain check does not give a count to an admin who may not see every event', async () => {
    const full = await office(p).get('/admin/audit-events/verify').set(seer.auth).expect(200);
    expect(full.body).toMatchObject({ ok: true, problems: [] });
    expect(full.body.events).toBeGreaterThan(20);
    expect(full.body.head.chainSeq).toBe(String(full.body.events));

    const blind = await office(p).get('/admin/audit-events/verify').set(admin.auth).expect(200);
    expect(blind.body.ok).toBe(true);
    const text = JSON.stringify(blind.body);
    // Neither the number of events nor the head's position (the same number), nor the head hash.
    expect(blind.body.events ?? null).toBeNull();
    expect(blind.body.head ?? null).toBeNull();
    expect(text).not.toContain(String(full.body.events));
    expect(text).not.toContain(full.body.head.hash as string);
    expect(typeof blind.body.withheld).toBe('string');
  });
});
