import { randomBytes } from 'node:crypto';
import type { AccountsService, NewAccount } from '../../accounts/src/accounts.service';
import { totpCode, type TwoFactorService } from '../../accounts/src/two-factor.service';
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

/**
 * The demo assessors' and office worker's TOTP secrets (ADR 0021): PUBLISHED on purpose, so a
 * newcomer can log in without an authenticator app (`npm run demo:code -- <e-mail>` prints the
 * current code; any authenticator app takes the secret too). Only these demo accounts have a known
 * secret; every other assessor or admin enrols with a fresh one at the first login.
 */
export const DEMO_TOTP_SECRETS: Readonly<Record<string, string>> = {
  'assessor1@demo.rlp.local': 'RLPDEMOASSESSORONEPUBLISHEDKEY22',
  'assessor2@demo.rlp.local': 'RLPDEMOASSESSORTWOPUBLISHEDKEY22',
  'bureau@demo.rlp.local': 'RLPDEMOBUREAUPUBLISHEDKEYXXXXX22',
};

/** The current code of a demo account at this instant, or null for any other address. */
export function demoTotpCode(email: string, at: Date = new Date()): string | null {
  const secret = DEMO_TOTP_SECRETS[email.trim().toLowerCase()];
  return secret ? totpCode(secret, at) : null;
}

/** Demo logins, printed at start-up; only seeded when SEED_DEMO_DATA is true (the default). */
export const DEMO_ACCOUNTS: readonly NewAccount[] = [DEMO_CANDIDATE, ...DEMO_ASSESSORS, DEMO_DOSSIER_CANDIDATE, DEMO_OFFICE];

export interface SeedResult {
  admin: { email: string; generatedPassword?: string; created: boolean };
  demo: Array<{ email: string; password: string; role: string; totpSecret?: string }>;
}

/**
 * Idempotent: creates the first admin (password from ADMIN_PASSWORD, else generated and returned
 * once, to be printed once) and the demo accounts; existing accounts are never changed.
 */
export async function seedAccounts(accounts: AccountsService, config: AppConfig, twoFactor?: TwoFactorService): Promise<SeedResult> {
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
      const totpSecret = DEMO_TOTP_SECRETS[a.email];
      // The demo assessors and office worker come enrolled with their published secrets.
      if (totpSecret && twoFactor) await twoFactor.enrolDemoAccount(a.email, totpSecret);
      demo.push({ email: a.email, password: a.password, role: a.role, ...(totpSecret && twoFactor ? { totpSecret } : {}) });
    }
  }
  return {
    admin: { email: config.adminEmail, created, ...(created && generated ? { generatedPassword: generated } : {}) },
    demo,
  };
}
