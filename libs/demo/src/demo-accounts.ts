import { randomBytes } from 'node:crypto';
import type { AccountsService, NewAccount } from '../../accounts/src/accounts.service';
import type { AppConfig } from '../../platform/src/config';

/** The demo candidate with a partly filled draft portfolio (see demo-portfolio.ts). */
export const DEMO_CANDIDATE: NewAccount = { email: 'kandidaat@demo.rlp.local', password: 'demo-kandidaat-2026', displayName: 'Sanne de Vries', role: 'candidate', organisation: 'Loopbaanpraktijk De Vries' };

/** The two demo assessors; the demo dossier is assigned to both. */
export const DEMO_ASSESSORS: readonly NewAccount[] = [
  { email: 'assessor1@demo.rlp.local', password: 'demo-assessor1-2026', displayName: 'Pieter Bakker', role: 'assessor', organisation: 'Bakker Loopbaanadvies' },
  { email: 'assessor2@demo.rlp.local', password: 'demo-assessor2-2026', displayName: 'Fatima El Amrani', role: 'assessor', organisation: 'El Amrani Coaching' },
];

/** The demo candidate whose portfolio is complete, submitted and assigned (see demo-dossier.ts). */
export const DEMO_DOSSIER_CANDIDATE: NewAccount = { email: 'kandidaat2@demo.rlp.local', password: 'demo-kandidaat2-2026', displayName: 'Joost Visser', role: 'candidate', organisation: 'Visser Loopbaancoaching' };

/**
 * A demo office worker (admin) with a known password, so a newcomer can carry the demo dossier to a
 * decision in the portal; the first admin's password stays generated (or ADMIN_PASSWORD).
 */
export const DEMO_OFFICE: NewAccount = { email: 'bureau@demo.rlp.local', password: 'demo-bureau-2026', displayName: 'Noor Jansen', role: 'admin', organisation: 'Noloc certificeringsbureau' };

/** Demo logins, printed at start-up; only seeded when SEED_DEMO_DATA is true (the default). */
export const DEMO_ACCOUNTS: readonly NewAccount[] = [DEMO_CANDIDATE, ...DEMO_ASSESSORS, DEMO_DOSSIER_CANDIDATE, DEMO_OFFICE];

export interface SeedResult {
  admin: { email: string; generatedPassword?: string; created: boolean };
  demo: Array<{ email: string; password: string; role: string }>;
}

/**
 * Idempotent: creates the first admin (password from ADMIN_PASSWORD, else generated and returned
 * once, to be printed once) and the demo accounts; existing accounts are never changed.
 */
export async function seedAccounts(accounts: AccountsService, config: AppConfig): Promise<SeedResult> {
  const generated = config.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const created = await accounts.ensureAccount({
    email: config.adminEmail,
    password: config.adminPassword ?? generated!,
    displayName: 'Certificeringsbureau',
    role: 'admin',
    organisation: 'Noloc certificeringsbureau',
  });
  const demo = [];
  if (config.seedDemoData) {
    for (const a of DEMO_ACCOUNTS) {
      await accounts.ensureAccount(a);
      demo.push({ email: a.email, password: a.password, role: a.role });
    }
  }
  return {
    admin: { email: config.adminEmail, created, ...(created && generated ? { generatedPassword: generated } : {}) },
    demo,
  };
}
