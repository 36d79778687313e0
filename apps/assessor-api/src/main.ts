/**
 * Runs only the assessor API (as the Docker stack does, one container per app). Without
 * DATABASE_URL / S3_ENDPOINT it starts the embedded servers itself; `npm start` runs both apps.
 */
import 'reflect-metadata';
import { AccountsService, TwoFactorService } from '@rlp/accounts';
import { demoDossierServices, seedAccounts, seedDemoDossier } from '@rlp/demo';
import { createApp, installGracefulShutdown, listen, loadConfig, prepareInfrastructure, runClosers } from '@rlp/platform';
import { ASSESSOR_API_DOCS, AssessorApiModule } from './assessor-api.module';

const log = (line: string) => console.log(`[assessor-api] ${line}`);

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
      AssessorApiModule.forRoot({ config, databaseUrl: infra.databaseUrl, storageEndpoint: infra.storageEndpoint }),
      config,
      ASSESSOR_API_DOCS,
    );
    closers.unshift(() => app.close());
    const seed = await seedAccounts(app.get(AccountsService), config, app.get(TwoFactorService));
    // The demo assessors' dossier (the candidate API seeds the draft of the first demo candidate).
    if (config.seedDemoData) await seedDemoDossier(demoDossierServices(app), config);
    if (seed.admin.generatedPassword) log(`first admin ${seed.admin.email} password: ${seed.admin.generatedPassword} (shown only this once)`);
    log(`listening on ${await listen(app, config.assessorPort)}`);
  } catch (err) {
    await runClosers(closers, log);
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error('[assessor-api] start-up failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
