/**
 * `npm run demo:code -- assessor1@demo.rlp.local`: the current two-factor code of a demo account
 * (ADR 0021), from its published demo secret — so a newcomer can log in to the assessor portal
 * without an authenticator app. Only the demo accounts have a published secret; for any other
 * account this prints nothing useful on purpose.
 */
import { DEMO_TOTP_SECRETS, demoTotpCode } from '../libs/demo/src/demo-accounts';

const email = (process.argv[2] ?? '').trim().toLowerCase();
const code = email ? demoTotpCode(email) : null;
if (!code) {
  console.error(`Usage: npm run demo:code -- <e-mail>   (demo accounts: ${Object.keys(DEMO_TOTP_SECRETS).join(', ')})`);
  process.exit(1);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${code}   (${email}; valid for ${secondsLeft} more seconds, and once only — then ask again)`);
