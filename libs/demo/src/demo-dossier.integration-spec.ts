import { createHash } from 'node:crypto';
import request from 'supertest';
import { AccountsService } from '../../accounts/src/accounts.service';
import { AssignmentService } from '../../assessment/src/assignment.service';
import { PortfolioService } from '../../portfolio/src/portfolio.service';
import { SubmissionService, submissionView } from '../../portfolio/src/submission.service';
import { startTestPlatform, TestPlatform } from '../../testing/src/test-app';
import { TwoFactorService } from '../../accounts/src/two-factor.service';
import { DEMO_ASSESSORS, DEMO_DOSSIER_CANDIDATE, demoTotpCode, seedAccounts } from './demo-accounts';
import { DEMO_DOSSIER_FILES, demoPdf } from './demo-dossier.content';
import { demoDossierServices, seedDemoDossier } from './demo-dossier';

const TODAY = '2026-11-23';

describe('seeding the demo dossier (a submitted portfolio assigned to the demo assessors)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T09:00:00Z`) });
  });
  afterAll(() => p.close());

  const userId = async (email: string) => ((await p.db.query(`SELECT id FROM users WHERE email = $1`, [email])) as Array<{ id: string }>)[0]?.id;
  const login = async (app: TestPlatform['assessor'], email: string, password: string) => {
    const totpCode = demoTotpCode(email, p.clock.now());
    const res = await request(app.getHttpServer()).post('/auth/login').send({ email, password, ...(totpCode ? { totpCode } : {}) }).expect(200);
    return { Authorization: `Bearer ${(res.body as { token: string }).token}` };
  };

  it('does nothing without demo accounts', async () => {
    const config = { ...p.config, adminPassword: 'a-chosen-admin-password', seedDemoData: false };
    await seedAccounts(p.assessor.get(AccountsService), config, p.assessor.get(TwoFactorService));
    expect(await seedDemoDossier(demoDossierServices(p.assessor), config)).toBeNull();
    expect(await p.db.query(`SELECT 1 FROM portfolios`)).toHaveLength(0);
  });

  it('submits a complete portfolio for the second demo candidate and assigns both demo assessors, once', async () => {
    const config = { ...p.config, adminPassword: 'a-chosen-admin-password', seedDemoData: true };
    await seedAccounts(p.assessor.get(AccountsService), config, p.assessor.get(TwoFactorService));
    const first = await seedDemoDossier(demoDossierServices(p.assessor), config);
    await seedAccounts(p.assessor.get(AccountsService), config, p.assessor.get(TwoFactorService));
    expect(await seedDemoDossier(demoDossierServices(p.assessor), config)).toBeNull();

    const candidateId = await userId(DEMO_DOSSIER_CANDIDATE.email);
    const assessorIds = await Promise.all(DEMO_ASSESSORS.map((a) => userId(a.email)));
    expect(first).toEqual({ portfolioId: expect.stringMatching(/^[0-9a-f-]{36}$/), submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/), assessorIds });

    // Exactly one portfolio, submitted once; with two assessors it is in assessment.
    const portfolios = await p.assessor.get(PortfolioService).list(candidateId!);
    expect(portfolios.map((x) => ({ id: x.id, status: x.status, submitted: x.submittedAt !== null }))).toEqual([{ id: first!.portfolioId, status: 'in_assessment', submitted: true }]);
    expect(await p.db.query(`SELECT id FROM submissions WHERE candidate_id = $1`, [candidateId])).toEqual([{ id: first!.submissionId }]);

    // The frozen snapshot is intact and names the four verified demo PDFs by their checksums.
    const submission = submissionView(await p.assessor.get(SubmissionService).entity(candidateId!, first!.portfolioId));
    expect(submission.contentHashValid).toBe(true);
    expect(submission.documents.map((d) => d.sha256).sort()).toEqual(DEMO_DOSSIER_FILES.map((f) => createHash('sha256').update(demoPdf(f.lines)).digest('hex')).sort());
    expect(submission.documents.every((d) => d.contentType === 'application/pdf')).toBe(true);

    // Complete under today's rules, without even a warning; the platform stamped the signatures today.
    const report = await p.assessor.get(PortfolioService).completeness(candidateId!, first!.portfolioId);
    expect(report.complete).toBe(true);
    expect(report.findings).toEqual([]);
    const document = await p.assessor.get(PortfolioService).document(candidateId!, first!.portfolioId);
    expect(document.workExperience?.experienceDeclaration?.signedAt).toBe(TODAY);
    expect(document.declarations?.gedragscode?.acceptedAt).toBe(TODAY);

    // Exactly two active assignments: the demo assessors, independence not declared yet. (With the
    // test's fixed clock both have the same assignedAt, so their order is not meaningful.)
    const assignments = await p.assessor.get(AssignmentService).assignments(first!.portfolioId);
    const byAssessor = (a: { assessorId: string }, b: { assessorId: string }) => a.assessorId.localeCompare(b.assessorId);
    expect(assignments.map((a) => ({ assessorId: a.assessorId, status: a.status, independenceDeclaredAt: a.independenceDeclaredAt })).sort(byAssessor)).toEqual(
      assessorIds.map((assessorId) => ({ assessorId: assessorId!, status: 'active', independenceDeclaredAt: null })).sort(byAssessor),
    );
  });

  it('lets each demo assessor find the dossier, declare independence and open the portfolio', async () => {
    const [portfolio] = (await p.db.query(`SELECT p.id FROM portfolios p JOIN users u ON u.id = p.candidate_id WHERE u.email = $1`, [DEMO_DOSSIER_CANDIDATE.email])) as Array<{ id: string }>;
    for (const assessor of DEMO_ASSESSORS) {
      const auth = await login(p.assessor, assessor.email, assessor.password);
      const mine = await request(p.assessor.getHttpServer()).get('/assessments').set(auth).expect(200);
      expect(mine.body.nextCursor).toBeNull();
      expect(mine.body.dossiers).toEqual([
        expect.objectContaining({ portfolioId: portfolio!.id, status: 'in_assessment', candidate: { name: 'Joost Visser', organisation: 'Visser Loopbaancoaching' }, independenceDeclaredAt: null }),
      ]);
      await request(p.assessor.getHttpServer()).get(`/assessments/${portfolio!.id}/portfolio`).set(auth).expect(403);
      await request(p.assessor.getHttpServer()).post(`/assessments/${portfolio!.id}/independence`).set(auth).send({ independent: true }).expect(200);
      const opened = await request(p.assessor.getHttpServer()).get(`/assessments/${portfolio!.id}/portfolio`).set(auth).expect(200);
      expect(opened.body.contentHashValid).toBe(true);
      expect(opened.body.document.cases.map((c: { title: string }) => c.title)).toHaveLength(2);
    }
    // The candidate sees the submitted portfolio in the candidate portal.
    const auth = await login(p.candidate, DEMO_DOSSIER_CANDIDATE.email, DEMO_DOSSIER_CANDIDATE.password);
    const list = await request(p.candidate.getHttpServer()).get('/portfolios').set(auth).expect(200);
    expect(list.body.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[portfolio!.id, 'in_assessment']]);
  });
});
