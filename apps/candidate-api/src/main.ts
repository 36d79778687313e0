/**
 * Runs only the candidate API (as the Docker stack does, one container per app). Without
 * DATABASE_URL / S3_ENDPOINT it starts the embedded servers itself; `npm start` runs both apps.
 */
import 'reflect-metadata';
import { AccountsService, TwoFactorService } from '@rlp/accounts';
import { seedAccounts, seedDemoPortfolio } from '@rlp/demo';
import { PortfolioService } from '@rlp/portfolio';
import { DataSource } from 'typeorm';
import { createApp, installGracefulShutdown, listen, loadConfig, prepareInfrastructure, runClosers } from '@rlp/platform';
import { CANDIDATE_API_DOCS, CandidateApiModule } from './candidate-api.module';

const log = (line: string) => console.log(`[candidate-api] ${line}`);

async function main(): Promise<void> {
  const loaded = loadConfig();
  const infra = await prepareInfrastructure(loaded, log);
  // Without SMTP_URL the app delivers to the embedded mail catcher (its page: infra.mailViewerUrl).
  const config = { ...loaded, mail: { ...loaded.mail, smtpUrl: infra.smtpUrl } };
  if (infra.mailViewerUrl) log(`caught e-mail: ${infra.mailViewerUrl}`);
  const closers: Array<() => Promise<void>> = [() => infra.stop()];
  installGracefulShutdown(closers, log);
  try {
    const app = await createApp(
      CandidateApiModule.forRoot({ config, databaseUrl: infra.databaseUrl, storageEndpoint: infra.storageEndpoint }),
      config,
      CANDIDATE_API_DOCS,
    );
    closers.unshift(() => app.close());
    const seed = await seedAccounts(app.get(AccountsService), config, app.get(TwoFactorService));
    if (config.seedDemoData) await seedDemoPortfolio(app.get(DataSource), app.get(PortfolioService));
    if (seed.admin.generatedPassword) log(`first admin ${seed.admin.email} password: ${seed.admin.generatedPassword} (shown only this once)`);
    log(`listening on ${await listen(app, config.candidatePort)}`);
  } catch (err) {
    await runClosers(closers, log);
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error('[candidate-api] start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
