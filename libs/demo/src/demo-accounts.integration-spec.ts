import request from 'supertest';
import { AccountsService } from '../../accounts/src/accounts.service';
import { loadConfig } from '../../platform/src/config';
import { startTestPlatform, TestPlatform } from '../../testing/src/test-app';
import { DataSource } from 'typeorm';
import { PortfolioService } from '../../portfolio/src/portfolio.service';
import { TwoFactorService } from '../../accounts/src/two-factor.service';
import { DEMO_ACCOUNTS, DEMO_CANDIDATE, DEMO_TOTP_SECRETS, demoTotpCode, seedAccounts } from './demo-accounts';
import { seedDemoPortfolio } from './demo-portfolio';

describe('seeding the first admin and demo accounts', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('generates the admin password once, and a second run changes nothing', async () => {
    const accounts = p.assessor.get(AccountsService);
    const config = { ...loadConfig({}), adminEmail: 'office@test.rlp.local' };
    const first = await seedAccounts(accounts, config, p.assessor.get(TwoFactorService));
    expect(first.admin.created).toBe(true);
    expect(first.admin.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(first.demo.map((d) => [d.email, d.role])).toEqual([
      ['kandidaat@demo.rlp.local', 'candidate'],
      ['assessor1@demo.rlp.local', 'assessor'],
      ['assessor2@demo.rlp.local', 'assessor'],
      ['kandidaat2@demo.rlp.local', 'candidate'],
      ['bureau@demo.rlp.local', 'admin'],
    ]);
    const before = await accounts.listAccounts();

    const second = await seedAccounts(accounts, config, p.assessor.get(TwoFactorService));
    expect(second.admin).toEqual({ email: 'office@test.rlp.local', created: false });
    expect(await accounts.listAccounts()).toEqual(before);

    await request(p.assessor.getHttpServer())
      .post('/auth/login')
      .send({ email: 'office@test.rlp.local', password: first.admin.generatedPassword })
      .expect(200);
    // The demo assessors and office worker come enrolled in two-factor with their published secrets
    // (ADR 0021): the password alone is not enough, the code from `npm run demo:code` is.
    expect(first.demo.filter((d) => d.totpSecret).map((d) => d.email)).toEqual(Object.keys(DEMO_TOTP_SECRETS));
    for (const demo of DEMO_ACCOUNTS) {
      const app = demo.role === 'candidate' ? p.candidate : p.assessor;
      const code = demoTotpCode(demo.email, p.clock.now());
      if (code) {
        expect((await request(app.getHttpServer()).post('/auth/login').send({ email: demo.email, password: demo.password }).expect(401)).body.code).toBe('TOTP_REQUIRED');
        const login = await request(app.getHttpServer()).post('/auth/login').send({ email: demo.email, password: demo.password, totpCode: code }).expect(200);
        expect(login.body.twoFactorEnrolmentRequired).toBe(false);
      } else {
        await request(app.getHttpServer()).post('/auth/login').send({ email: demo.email, password: demo.password }).expect(200);
      }
    }
    // Only the demo accounts have a published code.
    expect(demoTotpCode('office@test.rlp.local')).toBeNull();
    expect(demoTotpCode('kandidaat@demo.rlp.local')).toBeNull();
  });

  it('takes the admin password from ADMIN_PASSWORD and seeds no demo accounts when told not to', async () => {
    const accounts = p.assessor.get(AccountsService);
    const config = loadConfig({ ADMIN_EMAIL: 'chosen@test.rlp.local', ADMIN_PASSWORD: 'a-chosen-admin-password', SEED_DEMO_DATA: 'false' });
    const result = await seedAccounts(accounts, config);
    expect(result).toEqual({ admin: { email: 'chosen@test.rlp.local', created: true }, demo: [] });
    await request(p.assessor.getHttpServer()).post('/auth/login').send({ email: 'chosen@test.rlp.local', password: 'a-chosen-admin-password' }).expect(200);
  });

  it('gives the demo candidate a partly filled draft portfolio, once', async () => {
    await seedAccounts(p.assessor.get(AccountsService), loadConfig({ ADMIN_PASSWORD: 'a-chosen-admin-password' }));
    const id = await seedDemoPortfolio(p.candidate.get(DataSource), p.candidate.get(PortfolioService));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await seedDemoPortfolio(p.candidate.get(DataSource), p.candidate.get(PortfolioService))).toBeNull();
    const demo = DEMO_CANDIDATE;
    const login = await request(p.candidate.getHttpServer()).post('/auth/login').send({ email: demo.email, password: demo.password }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const report = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/completeness`).set(auth).expect(200);
    expect(report.body.complete).toBe(false);
    expect(report.body.progress.parts.C.done).toBeGreaterThan(0);
    const list = await request(p.candidate.getHttpServer()).get('/portfolios').set(auth).expect(200);
    expect(list.body).toHaveLength(1);
  });
});
