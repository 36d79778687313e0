import { composeMail, greetingFor, type MailMessage } from '../../mail/src/compose';
import type { Role } from './user.entity';

/**
 * The account life cycle's messages (issue 15, ADR 0020). No personal data in subjects; links
 * go to the portal of the account's role; every message says what to do if it was not you.
 */
export interface LifecycleMailContext {
  /** Base URL of the portal this account uses (config.publicUrls.candidate / .assessor). */
  portalUrl: string;
  displayName: string;
}

export const EMAIL_VERIFICATION_TTL_MINUTES = 48 * 60;
export const PASSWORD_RESET_TTL_MINUTES = 30;
export const EMAIL_CHANGE_TTL_MINUTES = 24 * 60;

export function portalUrlFor(role: Role, urls: { candidate: string; assessor: string }): string {
  return role === 'candidate' ? urls.candidate : urls.assessor;
}

const greeting = greetingFor;
const notYou = {
  nl: 'Was jij dit niet? Dan kun je dit bericht negeren; er verandert niets.',
  en: 'Was this not you? Then ignore this message; nothing changes.',
};

function link(base: string, path: string, token: string): string {
  return `${base}${path}?token=${encodeURIComponent(token)}`;
}

export function verificationMail(to: string, ctx: LifecycleMailContext, token: string): MailMessage {
  return composeMail({
    to,
    kind: 'account.email_verification',
    subject: { nl: 'Bevestig je e-mailadres', en: 'Confirm your e-mail address' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      {
        nl: 'Welkom bij het Register Loopbaanprofessional. Bevestig je e-mailadres met de knop hieronder. Je kunt al inloggen en aan je portfolio werken; indienen kan pas als je e-mailadres bevestigd is.',
        en: 'Welcome to the Register Loopbaanprofessional. Confirm your e-mail address with the button below. You can already log in and work on your portfolio; you can submit it once your address is confirmed.',
      },
      { nl: 'De link werkt één keer en is 48 uur geldig.', en: 'The link works once and is valid for 48 hours.' },
      notYou,
    ],
    action: { label: { nl: 'E-mailadres bevestigen', en: 'Confirm e-mail address' }, url: link(ctx.portalUrl, '/e-mailadres-bevestigen', token) },
  });
}

export function alreadyRegisteredMail(to: string, ctx: LifecycleMailContext): MailMessage {
  return composeMail({
    to,
    kind: 'account.already_registered',
    subject: { nl: 'Je hebt al een account', en: 'You already have an account' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      {
        nl: 'Iemand heeft zich zojuist met dit e-mailadres willen registreren, maar je hebt al een account. Er is geen nieuw account gemaakt en er is niets gewijzigd.',
        en: 'Someone just tried to register with this e-mail address, but you already have an account. No new account was created and nothing changed.',
      },
      {
        nl: `Log in met je bestaande account. Wachtwoord vergeten? Vraag een nieuw wachtwoord aan: ${ctx.portalUrl}/wachtwoord-vergeten`,
        en: `Log in with your existing account. Forgot your password? Ask for a new one: ${ctx.portalUrl}/wachtwoord-vergeten`,
      },
      notYou,
    ],
    action: { label: { nl: 'Inloggen', en: 'Log in' }, url: `${ctx.portalUrl}/` },
  });
}

export function passwordResetMail(to: string, ctx: LifecycleMailContext, token: string): MailMessage {
  return composeMail({
    to,
    kind: 'account.password_reset',
    subject: { nl: 'Nieuw wachtwoord instellen', en: 'Set a new password' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      {
        nl: 'Je hebt gevraagd om een nieuw wachtwoord. Stel het in met de knop hieronder. Daarna ben je op alle apparaten uitgelogd.',
        en: 'You asked for a new password. Set it with the button below. Afterwards you are logged out on every device.',
      },
      { nl: 'De link werkt één keer en is 30 minuten geldig.', en: 'The link works once and is valid for 30 minutes.' },
      notYou,
    ],
    action: { label: { nl: 'Nieuw wachtwoord instellen', en: 'Set a new password' }, url: link(ctx.portalUrl, '/wachtwoord-herstellen', token) },
  });
}

export function passwordChangedMail(to: string, ctx: LifecycleMailContext, how: 'reset' | 'changed'): MailMessage {
  return composeMail({
    to,
    kind: 'account.password_changed',
    subject: { nl: 'Je wachtwoord is gewijzigd', en: 'Your password was changed' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      how === 'reset'
        ? {
            nl: 'Het wachtwoord van je account is zojuist opnieuw ingesteld via een herstellink. Je bent op alle apparaten uitgelogd.',
            en: 'The password of your account was just reset through a reset link. You have been logged out on every device.',
          }
        : {
            nl: 'Het wachtwoord van je account is zojuist gewijzigd. Andere sessies zijn beëindigd.',
            en: 'The password of your account was just changed. Other sessions have been ended.',
          },
      {
        nl: `Was jij dit niet? Stel dan meteen een nieuw wachtwoord in (${ctx.portalUrl}/wachtwoord-vergeten) en neem contact op met het certificeringsbureau.`,
        en: `Was this not you? Then set a new password at once (${ctx.portalUrl}/wachtwoord-vergeten) and contact the certification office.`,
      },
    ],
  });
}

export function emailChangeConfirmMail(to: string, ctx: LifecycleMailContext, token: string): MailMessage {
  return composeMail({
    to,
    kind: 'account.email_change_confirm',
    subject: { nl: 'Bevestig je nieuwe e-mailadres', en: 'Confirm your new e-mail address' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      {
        nl: 'Je hebt gevraagd om dit adres voortaan voor je account te gebruiken. Bevestig het met de knop hieronder; pas dan wordt het gewijzigd.',
        en: 'You asked to use this address for your account from now on. Confirm it with the button below; only then is it changed.',
      },
      { nl: 'De link werkt één keer en is 24 uur geldig.', en: 'The link works once and is valid for 24 hours.' },
      notYou,
    ],
    action: { label: { nl: 'Nieuw e-mailadres bevestigen', en: 'Confirm new e-mail address' }, url: link(ctx.portalUrl, '/nieuw-e-mailadres-bevestigen', token) },
  });
}

/** To the NEW address when it already belongs to another account: only its owner learns that. */
export function emailChangeTakenMail(to: string, portalUrl: string): MailMessage {
  return composeMail({
    to,
    kind: 'account.email_change_taken',
    subject: { nl: 'E-mailadres niet gewijzigd', en: 'E-mail address not changed' },
    greeting: { nl: 'Beste lezer,', en: 'Dear reader,' },
    paragraphs: [
      {
        nl: 'Iemand wilde dit e-mailadres aan een ander account koppelen. Er bestaat al een account met dit adres, dus er is niets gewijzigd.',
        en: 'Someone wanted to link this e-mail address to another account. An account with this address already exists, so nothing changed.',
      },
      {
        nl: `Wil je je accounts samenvoegen of is dit een vergissing? Neem contact op met het certificeringsbureau. Wachtwoord vergeten? ${portalUrl}/wachtwoord-vergeten`,
        en: `Do you want to merge your accounts, or is this a mistake? Contact the certification office. Forgot your password? ${portalUrl}/wachtwoord-vergeten`,
      },
    ],
  });
}

/** To the OLD address: a change was asked for, and (later) that it happened. */
export function emailChangeNoticeMail(to: string, ctx: LifecycleMailContext, stage: 'requested' | 'changed'): MailMessage {
  return composeMail({
    to,
    kind: stage === 'requested' ? 'account.email_change_requested' : 'account.email_changed',
    subject: stage === 'requested' ? { nl: 'Wijziging van je e-mailadres aangevraagd', en: 'Change of your e-mail address requested' } : { nl: 'Je e-mailadres is gewijzigd', en: 'Your e-mail address was changed' },
    greeting: greeting(ctx.displayName),
    paragraphs: [
      stage === 'requested'
        ? {
            nl: 'Er is gevraagd om het e-mailadres van je account te wijzigen. Het verandert pas als de link in het bericht aan het nieuwe adres wordt gevolgd.',
            en: 'A change of your account\'s e-mail address was requested. It changes only when the link in the message to the new address is followed.',
          }
        : {
            nl: 'Het e-mailadres van je account is gewijzigd. Berichten gaan voortaan naar het nieuwe adres; je logt in met het nieuwe adres.',
            en: 'The e-mail address of your account was changed. Messages go to the new address from now on; you log in with the new address.',
          },
      {
        nl: `Was jij dit niet? Wijzig dan meteen je wachtwoord (${ctx.portalUrl}/mijn-account) en neem contact op met het certificeringsbureau.`,
        en: `Was this not you? Then change your password at once (${ctx.portalUrl}/mijn-account) and contact the certification office.`,
      },
    ],
  });
}
