import type { TestPlatform } from '@rlp/testing';
import { judgedDossier, office, person, type Person } from './assessment-journey';
import { api, type Candidate } from './candidate-journey';

/**
 * A dossier taken all the way through the real API to "certified" (issue 16's tests): submitted,
 * two assessors, joint judgement, an interview held on `interviewDate`, a decision by a third admin.
 * The clock ends on `interviewDate` 12:00 UTC; the certificate starts that day.
 */
export async function certifiedDossier(
  p: TestPlatform,
  today: string,
  interviewDate: string,
): Promise<{ c: Candidate; portfolioId: string; admin: Person; decider: Person; certificateNumber: string; holderName: string }> {
  const admin = await person(p, 'admin', 'Noloc');
  const decider = await person(p, 'admin', 'Noloc');
  const a1 = await person(p, 'assessor', `Bureau A ${interviewDate}`);
  const a2 = await person(p, 'assessor', `Bureau B ${interviewDate}`);
  const d = await judgedDossier(p, today, admin, [a1, a2]);
  const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date: interviewDate, time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
  await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
  p.clock.set(new Date(`${interviewDate}T12:00:00Z`));
  const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'positive', motivation: 'Zie bevindingen' }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
  const decided = await office(p).post(`/admin/dossiers/${d.portfolioId}/decision`).set(decider.auth).send({ outcome: 'certified' }).expect(201);
  return { c: d.c, portfolioId: d.portfolioId, admin, decider, certificateNumber: decided.body.register.certificateNumber as string, holderName: decided.body.register.holderName as string };
}
