import request from 'supertest';
import { AuditChainer } from '@rlp/audit';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api } from './support/candidate-journey';
import { assign, declare, judgedDossier, office, person, scoreAndSubmit, submittedDossier, type Person } from './support/assessment-journey';

const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('assessment: from submission to the register (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ env: LONG_SESSIONS });
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.set(START));

  it('runs the whole path with two blind assessors, an interview and a decision by an admin who did not assess', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const decider = await person(p, 'admin', 'Noloc');
    const { c, portfolioId: id, ids } = await submittedDossier(p, TODAY);
    await office(p).patch(`/admin/accounts/${c.id}`).set(admin.auth).send({ organisation: 'Loopbaanpraktijk Jansen' }).expect(200);
    const a1 = await person(p, 'assessor', 'Bureau Een', 'Anna Assessor');
    // An admin can be assigned as assessor; then they may not decide this dossier.
    const a2 = await person(p, 'admin', 'Bureau Twee', 'Bram Beoordelaar');
    const colleague = await person(p, 'assessor', '  loopbaanpraktijk   JANSEN ');
    const related = await person(p, 'assessor', 'Bureau Drie');
    const decliner = await person(p, 'assessor', 'Bureau Vier');
    const outsider = await person(p, 'assessor', 'Bureau Vijf');
    await office(p).post(`/admin/accounts/${c.id}/relations`).set(admin.auth).send({ relatedUserId: related.id, relatedName: 'Oud-collega', description: 'oud-collega' }).expect(201);

    // The office sees the dossier waiting, and who would have a conflict.
    const waiting = await office(p).get('/admin/dossiers?waiting=true').set(admin.auth).expect(200);
    expect((waiting.body.dossiers as Array<{ portfolioId: string; activeAssessors: number; status: string }>).find((d) => d.portfolioId === id)).toMatchObject({ activeAssessors: 0, status: 'submitted' });
    const eligible = (await office(p).get(`/admin/dossiers/${id}/eligible-assessors`).set(admin.auth).expect(200)).body as Array<{ id: string; conflicts: string[] }>;
    expect(eligible.find((e) => e.id === colleague.id)?.conflicts).toEqual(['SAME_ORGANISATION']);
    expect(eligible.find((e) => e.id === related.id)?.conflicts).toEqual(['DECLARED_RELATION']);
    expect(eligible.find((e) => e.id === a1.id)?.conflicts).toEqual([]);

    // Conflicting assignments are refused and change nothing.
    const refused: Array<[Person | { id: string }, number, string]> = [
      [colleague, 409, 'CONFLICT_OF_INTEREST'],
      [related, 409, 'CONFLICT_OF_INTEREST'],
      [{ id: c.id }, 422, 'NOT_AN_ASSESSOR'],
      [{ id: '00000000-0000-4000-8000-000000000000' }, 422, 'NOT_AN_ASSESSOR'],
    ];
    for (const [who, status, code] of refused) {
      const res = await office(p).post(`/admin/dossiers/${id}/assignments`).set(admin.auth).send({ assessorId: who.id });
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect((await p.db.query(`SELECT 1 FROM assignments WHERE portfolio_id = $1`, [id])).length).toBe(0);

    await assign(p, admin, id, a1).then((r) => expect(r.status).toBe(201));
    await assign(p, admin, id, decliner).then((r) => expect(r.status).toBe(201));
    expect((await assign(p, admin, id, a1)).body.code).toBe('ALREADY_ASSIGNED');
    expect((await assign(p, admin, id, a2)).body.code).toBe('ASSESSORS_COMPLETE');
    expect((await office(p).get(`/admin/dossiers/${id}`).set(admin.auth).expect(200)).body.status).toBe('in_assessment');

    // An assessor declines with a reason; the office assigns another.
    await office(p).post(`/assessments/${id}/decline`).set(decliner.auth).send({ reason: '   ' }).expect(400);
    const declined = await office(p).post(`/assessments/${id}/decline`).set(decliner.auth).send({ reason: 'Ik ken de kandidaat uit een intervisiegroep' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Ik ken de kandidaat uit een intervisiegroep' });
    await office(p).get(`/assessments/${id}`).set(decliner.auth).expect(404);
    expect((await assign(p, admin, id, decliner)).body.code).toBe('ASSESSOR_DECLINED');
    expect(((await office(p).get(`/admin/dossiers/${id}/eligible-assessors`).set(admin.auth).expect(200)).body as Array<{ id: string; declined: boolean }>).find((e) => e.id === decliner.id)?.declined).toBe(true);
    const again = (await office(p).get('/admin/dossiers?waiting=true').set(admin.auth).expect(200)).body.dossiers as Array<{ portfolioId: string; activeAssessors: number }>;
    expect(again.find((d) => d.portfolioId === id)?.activeAssessors).toBe(1);
    await assign(p, admin, id, a2).then((r) => expect(r.status).toBe(201));

    // Nothing before independence; nothing at all for an unassigned assessor.
    for (const path of ['', '/portfolio', '/portfolio.pdf', '/scoring', `/documents/${ids['doc-cv']}`]) {
      const res = await office(p).get(`/assessments/${id}${path}`).set(outsider.auth);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'DOSSIER_NOT_FOUND' });
    }
    expect((await office(p).get(`/assessments/${id}`).set(a1.auth).expect(200)).body).toMatchObject({ candidate: { organisation: 'Loopbaanpraktijk Jansen' }, independenceDeclaredAt: null });
    expect((await office(p).get(`/assessments/${id}/portfolio`).set(a1.auth).expect(403)).body.code).toBe('INDEPENDENCE_NOT_DECLARED');
    await office(p).post(`/assessments/${id}/independence`).set(a1.auth).send({ independent: false }).expect(400);
    await declare(p, a1, id);
    await declare(p, a2, id);
    const frozen = await office(p).get(`/assessments/${id}/portfolio`).set(a1.auth).expect(200);
    expect(frozen.body).toMatchObject({ portfolioId: id, contentHashValid: true });
    const link = await office(p).get(`/assessments/${id}/documents/${ids['doc-cv']}`).set(a1.auth).expect(200);
    expect((await fetch(link.body.url)).status).toBe(200);
    await office(p).get(`/assessments/${id}/documents/00000000-0000-4000-8000-000000000000`).set(a1.auth).expect(404);
    const pdf = await office(p).get(`/assessments/${id}/portfolio.pdf`).set(a1.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(isPdf(pdf.body as Buffer)).toBe(true);

    // Scoring: only this portfolio's scoreable criteria; B2 and D never.
    const s1 = await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200);
    const codes = (s1.body.criteria as Array<{ code: string }>).map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['A', 'B1', 'C.TASK.0', 'C.TASK.7', 'C.KNOWLEDGE.1', 'C.KNOWLEDGE.2']));
    expect(codes.some((code) => code.startsWith('B2') || code.startsWith('D'))).toBe(false);
    const etag1 = s1.headers['etag']!;
    const bad: Array<[object, number, string]> = [
      [{ scores: { B2: { verdict: 'aangetoond' } } }, 422, 'CRITERION_NOT_SCORED'],
      [{ scores: { D: { verdict: 'niet_aangetoond', motivation: 'x' } } }, 422, 'CRITERION_NOT_SCORED'],
      [{ scores: { 'C.TASK.9': { verdict: 'aangetoond' } } }, 422, 'CRITERION_NOT_SCOREABLE'],
      [{ scores: { A: { verdict: 'goed' } } }, 400, 'INVALID_SCORES'],
      [{ scores: { A: { verdict: 'aangetoond', weight: 3 } } }, 400, 'INVALID_SCORES'],
      [{ scores: {}, status: 'submitted' }, 400, 'VALIDATION_FAILED'],
      [{ scores: null }, 400, 'INVALID_SCORES'],
      [[], 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of bad) {
      const res = await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', etag1).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).send({ scores: {} }).expect(428);

    // Blind: before submitting the own scoring, the answer is the same whatever the other did.
    const blindBefore = await office(p).get(`/assessments/${id}/scorings`).set(a2.auth).expect(409);
    const allAangetoond = Object.fromEntries(codes.map((code) => [code, { verdict: 'aangetoond' }]));
    const draft = await office(p)
      .put(`/assessments/${id}/scoring`)
      .set(a1.auth)
      .set('If-Match', etag1)
      .send({ scores: { ...allAangetoond, 'C.TASK.3': { verdict: 'te_bevragen', questions: ['Hoe rondde u het traject af?'] }, A: { verdict: 'niet_aangetoond' } } })
      .expect(200);
    expect(draft.body.missing.map((m: { path: string }) => m.path)).toEqual(['/scores/A/motivation', '/scores/C.TASK.3/motivation']);
    expect((await office(p).post(`/assessments/${id}/scoring/submit`).set(a1.auth).set('If-Match', draft.headers['etag']!).expect(422)).body.code).toBe('SCORING_INCOMPLETE');
    await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', etag1).send({ scores: allAangetoond }).expect(412);
    const fixed = await office(p)
      .put(`/assessments/${id}/scoring`)
      .set(a1.auth)
      .set('If-Match', draft.headers['etag']!)
      .send({
        scores: {
          ...allAangetoond,
          'C.TASK.3': { verdict: 'te_bevragen', motivation: 'Afronding niet beschreven', questions: ['Hoe rondde u het traject af?'] },
          A: { verdict: 'niet_aangetoond', motivation: 'Uren niet onderbouwd' },
        },
      })
      .expect(200);
    // Saving the same again changes nothing: same version, no audit event.
    const same = await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', fixed.headers['etag']!).send({ scores: fixed.body.scores }).expect(200);
    expect(same.headers['etag']).toBe(fixed.headers['etag']);
    await office(p).post(`/assessments/${id}/scoring/submit`).set(a1.auth).set('If-Match', fixed.headers['etag']!).expect(200);
    const blindAfter = await office(p).get(`/assessments/${id}/scorings`).set(a2.auth).expect(409);
    expect(blindAfter.body).toEqual(blindBefore.body);
    // a2 is an admin too: the audit trail does not give a1's scoring away either.
    const scoringEvents = async (reader: Person) =>
      ((await office(p).get(`/admin/audit-events?portfolioId=${id}&limit=500`).set(reader.auth).expect(200)).body.events as Array<{ action: string; actorId: string }>).filter(
        (e) => e.action.startsWith('scoring.') && e.actorId === a1.id,
      ).length;
    expect(await scoringEvents(a2)).toBe(0);
    expect(await scoringEvents(admin)).toBeGreaterThanOrEqual(3);
    // Other admins see that scoring happened, not the verdicts, until the joint judgement is final.
    const adminView = (await office(p).get(`/admin/audit-events?portfolioId=${id}&limit=500`).set(admin.auth).expect(200)).body.events as Array<{ action: string; data: Record<string, unknown> }>;
    expect(JSON.stringify(adminView.filter((e) => e.action.startsWith('scoring.')))).not.toMatch(/niet_aangetoond|Uren niet onderbouwd/);
    expect((await office(p).get(`/assessments/${id}`).set(a2.auth).expect(200)).body).toMatchObject({ status: 'in_assessment', ownScoringSubmittedAt: null });
    expect((await office(p).get(`/assessments/${id}/judgement`).set(a2.auth).expect(409)).body.code).toBe('OWN_SCORING_NOT_SUBMITTED');
    expect((await office(p).get(`/assessments/${id}/scorings`).set(a1.auth).expect(200)).body.other).toBeNull();
    expect((await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', fixed.headers['etag']!).send({ scores: allAangetoond }).expect(409)).body.code).toBe('SCORING_ALREADY_SUBMITTED');
    await expect(p.db.query(`UPDATE scorings SET scores = '{}' WHERE portfolio_id = $1 AND submitted_at IS NOT NULL`, [id])).rejects.toThrow(/immutable/);

    const competence = codes.find((code) => code.startsWith('C.COMPETENCE.'))!;
    await scoreAndSubmit(p, a2, id, {
      A: { verdict: 'niet_aangetoond', motivation: 'Uren niet onderbouwd' },
      [competence]: { verdict: 'niet_aangetoond', motivation: 'Weinig zichtbaar in casus 2', questions: ['Geef een voorbeeld uit uw praktijk'] },
    });

    expect(await scoringEvents(a2)).toBeGreaterThanOrEqual(3);

    // Both in: agreement per criterion and the agenda with the collected questions.
    const cmp = await office(p).get(`/assessments/${id}/scorings`).set(a1.auth).expect(200);
    expect(cmp.body.other.assessorName).toBe('Bram Beoordelaar');
    const disagreements = (cmp.body.comparison as Array<{ criterion: string; agree: boolean }>).filter((x) => !x.agree).map((x) => x.criterion);
    expect(disagreements.sort()).toEqual(['C.TASK.3', competence].sort());
    expect(cmp.body.agenda).toEqual([
      expect.objectContaining({ criterion: 'C.TASK.3', reasons: ['disagreement', 'te_bevragen'], questions: ['Hoe rondde u het traject af?'] }),
      expect.objectContaining({ criterion: competence, reasons: ['disagreement'], questions: ['Geef een voorbeeld uit uw praktijk'] }),
    ]);

    // No skipping: no slots before the joint judgement, no decision before the interview.
    expect((await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 90, onlineUrl: 'https://meet.example.nl/rlp' }).expect(409)).body.code).toBe('INTERVIEW_NOT_PLANNABLE');
    expect((await office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'certified' }).expect(409)).body.code).toBe('DECISION_NOT_ALLOWED');

    // The joint judgement: either assessor edits, both agree to the same version.
    const j0 = await office(p).get(`/assessments/${id}/judgement`).set(a1.auth).expect(200);
    expect(j0.headers['etag']).toBe('"judgement.0"');
    const jointVerdicts = { ...allAangetoond, A: { verdict: 'niet_aangetoond', motivation: 'Uren niet onderbouwd' }, 'C.TASK.3': { verdict: 'te_bevragen', motivation: 'Navragen' } };
    const j1 = await office(p).put(`/assessments/${id}/judgement`).set(a1.auth).set('If-Match', '"judgement.0"').send({ criteria: jointVerdicts }).expect(200);
    expect(j1.body.missing).toEqual([]);
    await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', j1.headers['etag']!).expect(200);
    const j2 = await office(p)
      .put(`/assessments/${id}/judgement`)
      .set(a2.auth)
      .set('If-Match', j1.headers['etag']!)
      .send({ criteria: { ...jointVerdicts, [competence]: { verdict: 'te_bevragen', motivation: 'In het gesprek toetsen' } } })
      .expect(200);
    expect(j2.body.agreedBy).toEqual([]);
    await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', j1.headers['etag']!).expect(412);
    await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', j2.headers['etag']!).expect(200);
    expect((await office(p).get(`/admin/dossiers/${id}`).set(admin.auth).expect(200)).body.status).toBe('in_assessment');
    const agreed = await office(p).post(`/assessments/${id}/judgement/agree`).set(a2.auth).set('If-Match', j2.headers['etag']!).expect(200);
    expect(agreed.body.finalAt).not.toBeNull();
    expect((agreed.body.content.agenda as Array<{ criterion: string }>).map((i) => i.criterion)).toEqual(['C.TASK.3', competence]);
    expect((await office(p).put(`/assessments/${id}/judgement`).set(a1.auth).set('If-Match', j2.headers['etag']!).send({ criteria: jointVerdicts }).expect(409)).body.code).toBe('JUDGEMENT_FINAL');

    // Slots: entered in Amsterdam time, stored in UTC.
    const slot1 = await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 90, onlineUrl: 'https://meet.example.nl/rlp' }).expect(201);
    expect(slot1.body).toMatchObject({ startsAt: '2026-12-03T13:00:00.000Z', startsAtLocal: '2026-12-03T14:00:00+01:00', status: 'offered', locationKind: 'online' });
    const slot2 = await office(p).post(`/assessments/${id}/slots`).set(a2.auth).send({ date: '2026-12-04', time: '10:00', durationMinutes: 60, address: 'Noloc, Stationsplein 1, Utrecht' }).expect(201);
    const refusedSlots: Array<[object, number, string]> = [
      [{ date: '2026-03-29', time: '02:30', durationMinutes: 60, address: 'Utrecht' }, 400, 'NONEXISTENT_LOCAL_TIME'],
      [{ date: '2026-11-01', time: '10:00', durationMinutes: 60, address: 'Utrecht' }, 422, 'SLOT_IN_PAST'],
      [{ date: '2026-12-05', time: '10:00', durationMinutes: 60 }, 400, 'LOCATION_REQUIRED'],
      [{ date: '2026-12-05', time: '10:00', durationMinutes: 60, address: null }, 400, 'LOCATION_REQUIRED'],
      [{ date: '2026-12-05', time: '10:00', durationMinutes: 5, address: 'Utrecht' }, 400, 'VALIDATION_FAILED'],
      [{ date: '2026-12-05', time: '10:00', durationMinutes: 60, onlineUrl: 'javascript:alert(1)' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of refusedSlots) {
      const res = await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }

    // The candidate books, reschedules; an assessor cancels; the candidate books again.
    const offered = await api(p).get(`/portfolios/${id}/interview`).set(c.auth).expect(200);
    expect((offered.body.slots as Array<{ id: string }>).map((s) => s.id)).toEqual([slot1.body.id, slot2.body.id]);
    const booked = await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1.body.id }).expect(201);
    expect(booked.body).toMatchObject({ status: 'booked', sequence: 0 });
    const ics = await api(p).get(`/portfolios/${id}/interview.ics`).set(c.auth).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('DTSTART:20261203T130000Z');
    expect(ics.text).toContain('METHOD:REQUEST');
    // The candidate's copy lists only the candidate: no assessor's address (impartiality, issue 15).
    expect(ics.text.match(/^ATTENDEE/gm)).toHaveLength(1);
    expect(ics.text.replace(/\r\n /g, '')).toContain(`mailto:${c.email}`);
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot2.body.id }).expect(201);
    expect((await api(p).get(`/portfolios/${id}/interview.ics`).set(c.auth).expect(200)).text).toMatch(/SEQUENCE:1[\s\S]*DTSTART:20261204T090000Z|DTSTART:20261204T090000Z[\s\S]*SEQUENCE:1/);
    await office(p).post(`/assessments/${id}/interview/cancel`).set(a2.auth).send({ reason: 'Ziek' }).expect(200);
    expect((await api(p).get(`/portfolios/${id}/interview.ics`).set(c.auth).expect(200)).text).toContain('METHOD:CANCEL');
    expect((await office(p).get(`/admin/dossiers/${id}`).set(admin.auth).expect(200)).body.status).toBe('judged');
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot1.body.id }).expect(201);
    const rebooked = (await office(p).get(`/assessments/${id}/interview.ics`).set(a1.auth).expect(200)).text;
    expect(rebooked).toContain('DTSTART:20261203T130000Z');
    // Higher than the cancellation's SEQUENCE (2), so calendars take the new invitation.
    expect(rebooked).toContain('SEQUENCE:3');
    expect((await office(p).delete(`/assessments/${id}/slots/${slot1.body.id}`).set(a1.auth).expect(409)).body.code).toBe('SLOT_BOOKED');

    // A second dossier shares assessor a1: its slot at the same time cannot be booked (no double booking).
    const a3 = await person(p, 'assessor', 'Bureau Zes');
    const other = await judgedDossier(p, TODAY, admin, [a1, a3]);
    const clash = await office(p).post(`/assessments/${other.portfolioId}/slots`).set(a3.auth).send({ date: '2026-12-03', time: '14:30', durationMinutes: 60, address: 'Utrecht' });
    expect(clash.body.code).toBe('ASSESSOR_BUSY');
    const later = await office(p).post(`/assessments/${other.portfolioId}/slots`).set(a3.auth).send({ date: '2026-12-03', time: '16:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    expect((await api(p).get(`/portfolios/${other.portfolioId}/interview`).set(other.c.auth).expect(200)).body.slots).toHaveLength(1);
    await api(p).post(`/portfolios/${other.portfolioId}/interview/booking`).set(other.c.auth).send({ slotId: slot1.body.id }).expect(404);
    await api(p).post(`/portfolios/${other.portfolioId}/interview/booking`).set(other.c.auth).send({ slotId: later.body.id }).expect(201);

    // The interview record: only after the interview started; findings on agenda items only.
    expect((await office(p).put(`/assessments/${id}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'positive' }).expect(409)).body.code).toBe('INTERVIEW_NOT_YET_HELD');
    p.clock.set(new Date('2026-12-03T15:00:00Z'));
    // Once started, the interview is held: it can no longer be moved or cancelled.
    expect((await api(p).post(`/portfolios/${id}/interview/cancel`).set(c.auth).send({}).expect(409)).body.code).toBe('INTERVIEW_ALREADY_STARTED');
    expect((await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot2.body.id }).expect(409)).body.code).toBe('INTERVIEW_ALREADY_STARTED');
    const r0 = await office(p).get(`/assessments/${id}/interview-record`).set(a1.auth).expect(200);
    expect(r0.body.missing.map((m: { code: string }) => m.code)).toEqual(['FINDING_MISSING', 'FINDING_MISSING', 'ADVICE_MISSING', 'MOTIVATION_REQUIRED']);
    expect((await office(p).put(`/assessments/${id}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ findings: { A: 'x' } }).expect(422)).body.code).toBe('NOT_ON_AGENDA');
    const r1 = await office(p)
      .put(`/assessments/${id}/interview-record`)
      .set(a1.auth)
      .set('If-Match', '"interview.0"')
      .send({ findings: { 'C.TASK.3': 'Afronding helder toegelicht', [competence]: 'Overtuigend voorbeeld gegeven' }, advice: 'positive', motivation: 'Alle criteria aangetoond na het gesprek' })
      .expect(200);
    for (const a of [a1, a2]) await office(p).post(`/assessments/${id}/interview-record/agree`).set(a.auth).set('If-Match', r1.headers['etag']!).expect(200);

    // The decision: not by an admin who assessed; by one who did not.
    expect((await office(p).post(`/admin/dossiers/${id}/decision`).set(a2.auth).send({ outcome: 'certified' }).expect(403)).body.code).toBe('DECIDER_ASSESSED_DOSSIER');
    await office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'maybe' }).expect(400);
    const decided = await office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'certified' }).expect(201);
    expect(decided.body).toMatchObject({ outcome: 'certified', register: { startsOn: '2026-12-03', validUntil: '2030-12-02' } });
    const number = decided.body.register.certificateNumber as string;
    expect(number).toMatch(/^RLP-2026-\d{5}$/);
    expect((await office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'not_certified', motivation: 'x' }).expect(409)).body.code).toBe('DECISION_NOT_ALLOWED');
    await expect(p.db.query(`UPDATE decisions SET outcome = 'not_certified' WHERE portfolio_id = $1`, [id])).rejects.toThrow(/append-only/);
    expect((await office(p).delete(`/assessments/${id}/slots/${slot2.body.id}`).set(a1.auth).expect(409)).body.code).toBe('INTERVIEW_NOT_PLANNABLE');

    // The candidate sees the decision and downloads the letter and the certificate.
    expect((await api(p).get(`/portfolios/${id}/decision`).set(c.auth).expect(200)).body).toMatchObject({ outcome: 'certified', register: { certificateNumber: number } });
    for (const doc of ['letter', 'certificate']) {
      const res = await api(p).get(`/portfolios/${id}/decision/${doc}.pdf`).set(c.auth).buffer(true).parse(binary).expect(200);
      expect(isPdf(res.body as Buffer)).toBe(true);
    }

    // The public register: no login, and nothing but name, number and validity.
    const holder = (await p.db.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1`, [c.id]))[0]!.display_name;
    const found = await api(p).get(`/register?q=${encodeURIComponent(number.toLowerCase())}`).expect(200);
    expect(found.body).toEqual({ entries: [{ name: holder, certificateNumber: number, validUntil: '2030-12-02' }], more: false });
    const byName = await office(p).get(`/register?q=${encodeURIComponent(holder.slice(0, 6))}`).expect(200);
    expect((byName.body.entries as Array<{ certificateNumber: string }>).map((e) => e.certificateNumber)).toContain(number);
    expect((await api(p).get('/register?q=%25%25%25').expect(200)).body.entries).toEqual([]);
    expect((await api(p).get('/register?q=%00%00%00').expect(400)).body.code).toBe('INVALID_TEXT');

    // Every step is in the audit trail, oldest first here.
    const trail = await office(p).get(`/admin/audit-events?portfolioId=${id}&limit=500`).set(admin.auth).expect(200);
    const actions = (trail.body.events as Array<{ action: string }>).map((e) => e.action).reverse();
    expect(actions).toEqual(
      expect.arrayContaining([
        'assignment.created',
        'assignment.declined',
        'assignment.independence_declared',
        'scoring.saved',
        'scoring.submitted',
        'judgement.saved',
        'judgement.agreed',
        'interview.slot_offered',
        'interview.booked',
        'interview.rescheduled',
        'interview.cancelled',
        'interview.saved',
        'interview.agreed',
        'decision.recorded',
        'register.entry_created',
      ]),
    );
    const transitions = (trail.body.events as Array<{ action: string; data: { before: string; after: string } }>)
      .filter((e) => e.action === 'dossier.status_changed')
      .reverse()
      .map((e) => `${e.data.before}→${e.data.after}`);
    expect(transitions).toEqual([
      'submitted→in_assessment',
      'in_assessment→judged',
      'judged→interview_planned',
      'interview_planned→judged',
      'judged→interview_planned',
      'interview_planned→interview_held',
      'interview_held→decided',
    ]);
    await p.assessor.get(AuditChainer).chainPending();
    const chain = await office(p).get('/admin/audit-events/verify').set(admin.auth).expect(200);
    expect(chain.body).toMatchObject({ ok: true, pending: 0, problems: [] });
    expect(chain.body.events).toBeGreaterThan(50);
    await office(p).get('/admin/audit-events/verify').set(a1.auth).expect(403);
    expect(JSON.stringify(trail.body.events)).toMatch(/Uren niet onderbouwd/);
    const scoreEvent = (trail.body.events as Array<{ action: string; data: { before?: Record<string, unknown>; after?: Record<string, unknown> } }>).find((e) => e.action === 'scoring.saved');
    expect(scoreEvent?.data.before).toBeDefined();
    expect(scoreEvent?.data.after).toBeDefined();
  });

  it('lets exactly one of two concurrent bookings through when they share an assessor', async () => {
    const admin = await person(p, 'admin');
    const shared = await person(p, 'assessor', 'Gedeeld Bureau');
    const [x, y] = [await person(p, 'assessor', 'X'), await person(p, 'assessor', 'Y')];
    const d1 = await judgedDossier(p, TODAY, admin, [shared, x]);
    const d2 = await judgedDossier(p, TODAY, admin, [shared, y]);
    const s1 = await office(p).post(`/assessments/${d1.portfolioId}/slots`).set(x.auth).send({ date: '2027-01-12', time: '10:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    const s2 = await office(p).post(`/assessments/${d2.portfolioId}/slots`).set(y.auth).send({ date: '2027-01-12', time: '10:30', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        api(p).post(`/portfolios/${d1.portfolioId}/interview/booking`).set(d1.c.auth).send({ slotId: s1.body.id }),
        api(p).post(`/portfolios/${d2.portfolioId}/interview/booking`).set(d2.c.auth).send({ slotId: s2.body.id }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.code).toBe('ASSESSOR_NOT_AVAILABLE');
      const booked = await p.db.query(`SELECT portfolio_id FROM interview_bookings WHERE status = 'booked' AND portfolio_id IN ($1, $2)`, [d1.portfolioId, d2.portfolioId]);
      expect(booked).toHaveLength(1);
      const winner = results.findIndex((r) => r.status === 201) === 0 ? d1 : d2;
      await api(p).post(`/portfolios/${winner.portfolioId}/interview/cancel`).set(winner.c.auth).send({}).expect(200);
    }
    // Two concurrent bookings by the same candidate (two tabs): one booking remains.
    const s3 = await office(p).post(`/assessments/${d1.portfolioId}/slots`).set(x.auth).send({ date: '2027-01-13', time: '10:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await Promise.all([s1, s3].map((s) => api(p).post(`/portfolios/${d1.portfolioId}/interview/booking`).set(d1.c.auth).send({ slotId: s.body.id })));
    expect(await p.db.query(`SELECT 1 FROM interview_bookings WHERE status = 'booked' AND portfolio_id = $1`, [d1.portfolioId])).toHaveLength(1);
  });

  it('returns a dossier for supplement: a new draft on the submitted content, the first submission and judgement stay', async () => {
    const admin = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'R1'), await person(p, 'assessor', 'R2')];
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    await toInterviewHeld(p, d, [a1, a2], 'negative');
    const noMotivation = await office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(admin.auth).send({ outcome: 'returned_for_supplement' }).expect(400);
    expect(noMotivation.body.code).toBe('MOTIVATION_REQUIRED');
    // Certifying against a negative advice needs a motivation too.
    expect((await office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(admin.auth).send({ outcome: 'certified' }).expect(400)).body.code).toBe('MOTIVATION_REQUIRED');
    const decided = await office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(admin.auth).send({ outcome: 'returned_for_supplement', motivation: 'Vul casus 2 aan met de afronding' }).expect(201);
    const next = decided.body.nextPortfolioId as string;
    expect(decided.body.register).toBeNull();
    const list = (await api(p).get('/portfolios').set(d.c.auth).expect(200)).body as Array<{ id: string; status: string; previousPortfolioId: string | null }>;
    expect(list.map((x) => [x.id, x.status, x.previousPortfolioId])).toEqual([
      [next, 'draft', d.portfolioId],
      [d.portfolioId, 'decided', null],
    ]);
    const old = await api(p).get(`/portfolios/${d.portfolioId}/document`).set(d.c.auth).expect(200);
    const fresh = await api(p).get(`/portfolios/${next}/document`).set(d.c.auth).expect(200);
    // The content carries over; the declarations are made again for the new submission.
    expect({ ...fresh.body, declarations: undefined }).toEqual({ ...old.body, declarations: undefined });
    expect(fresh.body.declarations ?? {}).toEqual({});
    expect((await api(p).get(`/portfolios/${d.portfolioId}/submission`).set(d.c.auth).expect(200)).body.contentHashValid).toBe(true);
    await api(p).get(`/portfolios/${d.portfolioId}/decision/certificate.pdf`).set(d.c.auth).expect(404);
    const letter = await api(p).get(`/portfolios/${d.portfolioId}/decision/letter.pdf`).set(d.c.auth).buffer(true).parse(binary).expect(200);
    expect(isPdf(letter.body as Buffer)).toBe(true);
    const judgement = await p.db.query<{ final_at: Date }>(`SELECT final_at FROM joint_records WHERE portfolio_id = $1 AND kind = 'judgement'`, [d.portfolioId]);
    expect(judgement[0]?.final_at).toBeTruthy();
  });

  it('refuses every role where it does not belong', async () => {
    const admin = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'Z1'), await person(p, 'assessor', 'Z2')];
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    const cand = { id: d.c.id, auth: d.c.auth };
    const otherCandidate = await submittedDossier(p, TODAY);
    const checks: Array<[string, request.Test, number]> = [
      ['candidate on the assessor routes', office(p).get(`/assessments/${d.portfolioId}`).set(cand.auth), 403],
      ['assessor on the office routes', office(p).get(`/admin/dossiers/${d.portfolioId}`).set(a1.auth), 403],
      ['assessor deciding', office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(a1.auth).send({ outcome: 'certified' }), 403],
      ['anonymous on assessments', office(p).get('/assessments'), 401],
      ['other candidate reading slots', api(p).get(`/portfolios/${d.portfolioId}/interview`).set(otherCandidate.c.auth), 404],
      ['other candidate booking', api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(otherCandidate.c.auth).send({ slotId: '00000000-0000-4000-8000-000000000000' }), 404],
      ['other candidate reading the decision', api(p).get(`/portfolios/${d.portfolioId}/decision`).set(otherCandidate.c.auth), 404],
      ['other candidate reading the invitation', api(p).get(`/portfolios/${d.portfolioId}/interview.ics`).set(otherCandidate.c.auth), 404],
      ['assessor on the candidate portal', api(p).get(`/portfolios/${d.portfolioId}/interview`).set(a1.auth), 403],
    ];
    for (const [label, pending, status] of checks) {
      const res = await pending;
      expect({ label, status: res.status }).toEqual({ label, status });
    }
    // An assessor of one dossier sees nothing of another.
    await office(p).get(`/assessments/${otherCandidate.portfolioId}`).set(a1.auth).expect(404);
    expect((await office(p).get('/assessments').set(a1.auth).expect(200)).body.dossiers.map((x: { portfolioId: string }) => x.portfolioId)).toEqual([d.portfolioId]);
  });
});

/** Books a slot, lets time pass, records the interview with this advice; both agree. */
async function toInterviewHeld(p: TestPlatform, d: { c: { auth: { Authorization: string } }; portfolioId: string }, [a1, a2]: [Person, Person], advice: 'positive' | 'negative') {
  const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date: '2026-12-10', time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
  await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
  p.clock.set(new Date('2026-12-10T12:00:00Z'));
  const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice, motivation: 'Zie bevindingen' }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
}

