/**
 * `npm start`: the whole platform in one process on the embedded defaults (or on DATABASE_URL /
 * S3_ENDPOINT when set): migrations, first admin and demo data, both APIs. Ctrl-C stops everything.
 */
import 'reflect-metadata';
import { AccountsService, TwoFactorService } from '@rlp/accounts';
import { DEMO_CANDIDATE, DEMO_DOSSIER_CANDIDATE, demoDossierServices, seedAccounts, seedDemoDossier, seedDemoPortfolio } from '@rlp/demo';
import { PortfolioService } from '@rlp/portfolio';
import { DataSource } from 'typeorm';
import { createApp, installGracefulShutdown, listen, loadConfig, prepareInfrastructure, resolveLogFormat, runClosers } from '@rlp/platform';
import { ASSESSOR_API_DOCS, AssessorApiModule } from '../apps/assessor-api/src/assessor-api.module';
import { CANDIDATE_API_DOCS, CandidateApiModule } from '../apps/candidate-api/src/candidate-api.module';

const log = (line: string) => console.log(`[rlp] ${line}`);

async function main(): Promise<void> {
  const loaded = loadConfig();
  const infra = await prepareInfrastructure(loaded, log);
  // Without SMTP_URL the apps deliver to the embedded mail catcher.
  const config = { ...loaded, mail: { ...loaded.mail, smtpUrl: infra.smtpUrl } };
  // Apps are closed first (in-flight requests finish), the embedded servers last.
  const closers: Array<() => Promise<void>> = [() => infra.stop()];
  installGracefulShutdown(closers, log);
  try {
    const runtime = { config, databaseUrl: infra.databaseUrl, storageEndpoint: infra.storageEndpoint };
    const candidate = await createApp(CandidateApiModule.forRoot(runtime), config, CANDIDATE_API_DOCS);
    closers.unshift(() => candidate.close());
    const assessor = await createApp(AssessorApiModule.forRoot(runtime), config, ASSESSOR_API_DOCS);
    closers.unshift(() => assessor.close());
    const seed = await seedAccounts(assessor.get(AccountsService), config, assessor.get(TwoFactorService));
    if (config.seedDemoData) {
      await seedDemoPortfolio(candidate.get(DataSource), candidate.get(PortfolioService));
      await seedDemoDossier(demoDossierServices(assessor), config);
    }
    const candidateUrl = await listen(candidate, config.candidatePort);
    const assessorUrl = await listen(assessor, config.assessorPort);
    printBanner(config, infra, seed, candidateUrl, assessorUrl);
  } catch (err) {
    await runClosers(closers, log);
    throw err;
  }
}

function printBanner(
  config: ReturnType<typeof loadConfig>,
  infra: Awaited<ReturnType<typeof prepareInfrastructure>>,
  seed: Awaited<ReturnType<typeof seedAccounts>>,
  candidateUrl: string,
  assessorUrl: string,
): void {
  const lines = [
    '',
    'Register Loopbaanprofessional is running / draait',
    `  kandidaatportaal (open in a browser)  ${candidateUrl}/`,
    `  assessoren en certificeringsbureau (open in a browser)  ${assessorUrl}/`,
    `  public register (open in a browser)  ${candidateUrl}/register`,
    `  candidate API  ${candidateUrl}   (docs: ${candidateUrl}/docs, health: ${candidateUrl}/health/ready)`,
    `  assessor API   ${assessorUrl}   (docs: ${assessorUrl}/docs, health: ${assessorUrl}/health/ready)`,
    `  logs           ${resolveLogFormat(config.logFormat) === 'pretty' ? 'readable lines (LOG_FORMAT=json for JSON)' : 'JSON lines (LOG_FORMAT=pretty for readable ones)'}; metrics at /metrics ${config.metricsToken ? 'with the METRICS_TOKEN bearer' : 'off (set METRICS_TOKEN)'}`,
    `  database       ${infra.embedded.postgres ? `embedded PostgreSQL, data in ${config.dataDir}/postgres` : 'DATABASE_URL'}`,
    `  documents      ${infra.embedded.s3 ? `embedded S3 at ${infra.storageEndpoint}, data in ${config.dataDir}/s3` : infra.storageEndpoint}`,
    infra.mailViewerUrl
      ? `  e-mail         every message the platform sends (open in a browser)  ${infra.mailViewerUrl}   (embedded SMTP ${infra.smtpUrl}, .eml files in ${config.dataDir}/mail)`
      : `  e-mail         SMTP_URL (${infra.smtpUrl.replace(/\/\/[^@/]*@/, '//***@')})`,
    '',
    'Logins (POST /auth/login):',
    seed.admin.generatedPassword
      ? `  admin      ${seed.admin.email}  password: ${seed.admin.generatedPassword}   <- generated, shown only this once`
      : `  admin      ${seed.admin.email}  (password: ${config.adminPassword ? 'from ADMIN_PASSWORD' : 'as printed on the first start'})`,
    ...seed.demo.map((d) => `  ${d.role.padEnd(10)} ${d.email}  password: ${d.password}${d.totpSecret ? '  + code: npm run demo:code -- ' + d.email : ''}`),
    ...(seed.demo.some((d) => d.totpSecret)
      ? [
          '  Assessors and admins need a second step (two-factor, ADR 0021): the demo ones print their current code with',
          '  `npm run demo:code -- <e-mail>` (published demo secrets); every other assessor or admin sets up an authenticator app at the first login.',
        ]
      : []),
    ...(config.seedDemoData
      ? [
          '',
          `Demo data: ${DEMO_CANDIDATE.displayName} has a draft portfolio; the portfolio of ${DEMO_DOSSIER_CANDIDATE.displayName} is submitted`,
          'and assigned to both demo assessors (log in at the assessor portal; bureau@demo.rlp.local decides).',
        ]
      : []),
    '',
    'Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error('[rlp] start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
