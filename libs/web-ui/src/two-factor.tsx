import { Alert, Button, FormField, FormFieldDescription, FormLabel, Heading1, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, problemOf, raw } from './api';
import { useBaseI18n, type Lang } from './i18n';

/**
 * Two-factor authentication in the browser (issue 15, ADR 0021): enrolment (QR code, the key as
 * text, a first code, then the recovery codes once) and, for candidates, switching it on and off.
 * Texts live here, Dutch first: both portals use them.
 */
const texts = {
  enrolTitle: ['Tweestapsverificatie instellen', 'Set up two-factor authentication'],
  enrolIntro: [
    'Je ziet persoonsgegevens van anderen. Daarom vraagt het platform bij elke login naast je wachtwoord een code uit een authenticator-app op je telefoon.',
    'You see other people’s personal data. That is why the platform asks, at every login, for a code from an authenticator app on your phone besides your password.',
  ],
  enrolIntroOptional: [
    'Met tweestapsverificatie vraagt het platform bij elke login naast je wachtwoord een code uit een authenticator-app op je telefoon.',
    'With two-factor authentication the platform asks, at every login, for a code from an authenticator app on your phone besides your password.',
  ],
  step1: ['1. Installeer een authenticator-app', '1. Install an authenticator app'],
  step1Text: [
    'Bijvoorbeeld Google Authenticator, Microsoft Authenticator of FreeOTP (gratis).',
    'For example Google Authenticator, Microsoft Authenticator or FreeOTP (free).',
  ],
  step2: ['2. Scan de QR-code', '2. Scan the QR code'],
  qrAlt: ['QR-code om met je authenticator-app te scannen', 'QR code to scan with your authenticator app'],
  manualKey: ['Kun je niet scannen? Voer dan deze sleutel in de app in (tijdgebaseerd, 6 cijfers):', 'Cannot scan? Then enter this key in the app (time-based, 6 digits):'],
  step3: ['3. Vul de code uit de app in', '3. Enter the code from the app'],
  code: ['Code uit de app', 'Code from the app'],
  codeHint: ['6 cijfers; de code verandert elke 30 seconden', '6 digits; the code changes every 30 seconds'],
  confirm: ['Bevestigen', 'Confirm'],
  codesTitle: ['Bewaar je herstelcodes', 'Keep your recovery codes'],
  codesIntro: [
    'Tweestapsverificatie staat aan. Raak je je telefoon kwijt, dan kun je met een van deze codes inloggen; elke code werkt één keer. Bewaar ze op een veilige plek (op papier of in een wachtwoordmanager): ze worden maar één keer getoond.',
    'Two-factor authentication is on. If you lose your phone, you can log in with one of these codes; each code works once. Keep them somewhere safe (on paper or in a password manager): they are shown only this once.',
  ],
  codesDone: ['Ik heb de codes bewaard', 'I have kept the codes'],
  loginCodeTitle: ['Code uit je authenticator-app', 'Code from your authenticator app'],
  loginCodeIntro: ['Je wachtwoord klopt. Vul nu de code uit je authenticator-app in.', 'Your password is right. Now enter the code from your authenticator app.'],
  loginRecoveryIntro: ['Vul een van je herstelcodes in. Die code werkt daarna niet meer.', 'Enter one of your recovery codes. That code will not work again.'],
  recoveryCode: ['Herstelcode', 'Recovery code'],
  useRecovery: ['Telefoon niet bij de hand? Gebruik een herstelcode', 'Phone not at hand? Use a recovery code'],
  useTotp: ['Toch de code uit de app gebruiken', 'Use the code from the app instead'],
  back: ['Terug', 'Back'],
  settingsTitle: ['Tweestapsverificatie', 'Two-factor authentication'],
  isOn: ['Tweestapsverificatie staat aan. Herstelcodes over:', 'Two-factor authentication is on. Recovery codes left:'],
  isOff: ['Tweestapsverificatie staat uit.', 'Two-factor authentication is off.'],
  turnOn: ['Tweestapsverificatie aanzetten', 'Turn on two-factor authentication'],
  turnOff: ['Tweestapsverificatie uitzetten', 'Turn off two-factor authentication'],
  turnOffIntro: ['Vul je wachtwoord en een code uit de app (of een herstelcode) in om tweestapsverificatie uit te zetten.', 'Enter your password and a code from the app (or a recovery code) to turn two-factor authentication off.'],
  currentPassword: ['Huidig wachtwoord', 'Current password'],
  codeOrRecovery: ['Code uit de app of herstelcode', 'Code from the app or recovery code'],
  turnedOff: ['Tweestapsverificatie staat nu uit.', 'Two-factor authentication is now off.'],
  cancel: ['Annuleren', 'Cancel'],
  newCodes: ['Nieuwe herstelcodes maken', 'Make new recovery codes'],
  newCodesIntro: ['Vul een code uit de app in. Je krijgt tien nieuwe herstelcodes; de oude werken dan niet meer.', 'Enter a code from the app. You get ten new recovery codes; the old ones then stop working.'],
  error: ['Er ging iets mis', 'Something went wrong'],
} as const;

export type TwoFactorTextKey = keyof typeof texts;

export function useTwoFactorTexts() {
  const { lang, message } = useBaseI18n();
  return { tf: (key: TwoFactorTextKey) => texts[key][(lang as Lang) === 'en' ? 1 : 0], message };
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  const res = await raw(path, { method: 'POST', ...(body !== undefined ? { json: body } : {}) });
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

/** The key in groups of four, easier to type over. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Enrolment: starts at once (a new secret), shows the QR code and the key as text, confirms with
 * a first code, then shows the ten recovery codes until the person says they kept them.
 */
export function TwoFactorEnrolment({ onDone, required, headingLevel = 1 }: { onDone: () => void; required: boolean; headingLevel?: 1 | 2 }) {
  const { tf, message } = useTwoFactorTexts();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const codesHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    post<Enrolment>('/auth/two-factor/enrolment')
      .then(setEnrolment)
      .catch((err: unknown) => setError(err instanceof ApiError ? message(err.message) : tf('error')));
  }, [message, tf]);
  useEffect(() => {
    if (codes) codesHeading.current?.focus();
  }, [codes]);
  const confirm = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s/g, '');
    setBusy(true);
    setError(null);
    try {
      // Switched on by choice: the password again, so a borrowed session cannot lock the owner out.
      const password = required ? undefined : String(new FormData(e.currentTarget).get('password') ?? '');
      setCodes((await post<{ recoveryCodes: string[] }>('/auth/two-factor/enrolment/confirm', password === undefined ? { code } : { code, password })).recoveryCodes);
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : tf('error'));
    } finally {
      setBusy(false);
    }
  };
  const H = headingLevel === 1 ? Heading1 : Heading2;
  if (codes) {
    return (
      <div className="rlp-narrow">
        <H ref={codesHeading} tabIndex={-1}>
          {tf('codesTitle')}
        </H>
        <Paragraph>{tf('codesIntro')}</Paragraph>
        <ol className="rlp-recovery-codes" data-testid="recovery-codes" style={{ fontSize: '1.125rem', lineHeight: 1.8 }}>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <Button appearance="primary-action-button" onClick={onDone}>
          {tf('codesDone')}
        </Button>
      </div>
    );
  }
  return (
    <div className="rlp-narrow">
      <H>{tf('enrolTitle')}</H>
      <Paragraph lead>{required ? tf('enrolIntro') : tf('enrolIntroOptional')}</Paragraph>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <Heading2>{tf('step1')}</Heading2>
      <Paragraph>{tf('step1Text')}</Paragraph>
      <Heading2>{tf('step2')}</Heading2>
      {enrolment ? (
        <>
          <img src={enrolment.qrCode} alt={tf('qrAlt')} width={200} height={200} className="rlp-qr" />
          <Paragraph>
            {tf('manualKey')}{' '}
            <code className="rlp-totp-secret" data-testid="totp-secret" data-secret={enrolment.secret}>
              {grouped(enrolment.secret)}
            </code>
          </Paragraph>
        </>
      ) : (
        <Paragraph>…</Paragraph>
      )}
      <Heading2>{tf('step3')}</Heading2>
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <FormField type="text">
          <FormLabel htmlFor="totp-enrol-code">{tf('code')}</FormLabel>
          <FormFieldDescription id="totp-enrol-code-hint">{tf('codeHint')}</FormFieldDescription>
          <Textbox id="totp-enrol-code" name="code" inputMode="numeric" autoComplete="one-time-code" aria-describedby="totp-enrol-code-hint" maxLength={8} required />
        </FormField>
        {required ? null : (
          <FormField type="text">
            <FormLabel htmlFor="totp-enrol-password">{tf('currentPassword')}</FormLabel>
            <Textbox id="totp-enrol-password" name="password" type="password" autoComplete="current-password" required />
          </FormField>
        )}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy || !enrolment}>
          {tf('confirm')}
        </Button>
      </form>
    </div>
  );
}

interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

/** For an account page: on/off (candidates may choose; for assessors and admins it only shows the state). */
export function TwoFactorSettings() {
  const { tf, message } = useTwoFactorTexts();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['two-factor'],
    queryFn: async () => {
      const res = await raw('/auth/two-factor');
      if (!res.ok) throw await problemOf(res);
      return (await res.json()) as TwoFactorStatus;
    },
  });
  const [mode, setMode] = useState<'idle' | 'enrol' | 'disable' | 'codes'>('idle');
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['two-factor'] });
  const disable = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await post('/auth/two-factor/disable', { password: String(form.get('password') ?? ''), code: String(form.get('code') ?? '').trim() });
      setMode('idle');
      setNotice(tf('turnedOff'));
      refresh();
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : tf('error'));
    } finally {
      setBusy(false);
    }
  };
  const makeCodes = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const code = String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s/g, '');
      setNewCodes((await post<{ recoveryCodes: string[] }>('/auth/two-factor/recovery-codes', { code })).recoveryCodes);
      setMode('idle');
      refresh();
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : tf('error'));
    } finally {
      setBusy(false);
    }
  };
  if (!status.data) return null;
  const s = status.data;
  if (mode === 'enrol') {
    return (
      <section aria-labelledby="two-factor-settings">
        <TwoFactorEnrolment
          headingLevel={2}
          required={false}
          onDone={() => {
            setMode('idle');
            refresh();
          }}
        />
      </section>
    );
  }
  return (
    <section aria-labelledby="two-factor-settings" className="rlp-narrow">
      <Heading2 id="two-factor-settings">{tf('settingsTitle')}</Heading2>
      {notice ? (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{s.enabled ? `${tf('isOn')} ${s.recoveryCodesLeft}` : tf('isOff')}</Paragraph>
      {!s.enabled ? (
        <Button appearance="secondary-action-button" onClick={() => (setNotice(null), setMode('enrol'))}>
          {tf('turnOn')}
        </Button>
      ) : mode === 'idle' ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => (setNotice(null), setNewCodes(null), setError(null), setMode('codes'))}>
            {tf('newCodes')}
          </Button>{' '}
          {!s.required ? (
            <Button appearance="secondary-action-button" onClick={() => (setNotice(null), setNewCodes(null), setError(null), setMode('disable'))}>
              {tf('turnOff')}
            </Button>
          ) : null}
        </Paragraph>
      ) : null}
      {newCodes ? (
        <>
          <Paragraph>{tf('codesIntro')}</Paragraph>
          <ol className="rlp-recovery-codes" data-testid="recovery-codes" style={{ fontSize: '1.125rem', lineHeight: 1.8 }}>
            {newCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {mode === 'codes' ? (
        <form onSubmit={(e) => void makeCodes(e)} noValidate>
          <Paragraph>{tf('newCodesIntro')}</Paragraph>
          {error ? (
            <Alert type="error" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          ) : null}
          <FormField type="text">
            <FormLabel htmlFor="tf-codes-code">{tf('code')}</FormLabel>
            <Textbox id="tf-codes-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required />
          </FormField>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {tf('newCodes')}
          </Button>{' '}
          <Button type="button" appearance="subtle-button" onClick={() => setMode('idle')}>
            {tf('cancel')}
          </Button>
        </form>
      ) : null}
      {mode === 'disable' ? (
        <form onSubmit={(e) => void disable(e)} noValidate>
          <Paragraph>{tf('turnOffIntro')}</Paragraph>
          {error ? (
            <Alert type="error" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          ) : null}
          <FormField type="text">
            <FormLabel htmlFor="tf-off-password">{tf('currentPassword')}</FormLabel>
            <Textbox id="tf-off-password" name="password" type="password" autoComplete="current-password" required />
          </FormField>
          <FormField type="text">
            <FormLabel htmlFor="tf-off-code">{tf('codeOrRecovery')}</FormLabel>
            <Textbox id="tf-off-code" name="code" autoComplete="one-time-code" required />
          </FormField>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {tf('turnOff')}
          </Button>{' '}
          <Button type="button" appearance="subtle-button" onClick={() => setMode('idle')}>
            {tf('cancel')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
