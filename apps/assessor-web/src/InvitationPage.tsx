import { Alert, Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, problemOf, raw } from '@rlp/web-ui/api';
import { useBaseI18n } from '@rlp/web-ui/i18n';
import { useLogin } from '@rlp/web-ui/session';
import { Loading } from '@rlp/web-ui/status';

/**
 * /uitnodiging?token=… (ADR 0021): an invited assessor or admin chooses their own password, is
 * logged in, and then sets up two-factor authentication (RequireLogin shows the enrolment first).
 * The token leaves the address bar at once (history, and no Referer to anything linked from here).
 */
const texts = {
  title: ['Welkom bij het Register Loopbaanprofessional', 'Welcome to the Register Loopbaanprofessional'],
  intro: ['Kies een eigen wachtwoord voor je account', 'Choose your own password for your account'],
  account: ['Account', 'Account'],
  password: ['Nieuw wachtwoord', 'New password'],
  passwordHint: [
    'Minstens 12 tekens en niet makkelijk te raden: bijvoorbeeld een zin van een paar woorden die niet bij elkaar horen. Alleen jij kent dit wachtwoord.',
    'At least 12 characters and not easy to guess: for example a sentence of a few unrelated words. Only you know this password.',
  ],
  repeat: ['Herhaal het wachtwoord', 'Repeat the password'],
  mismatch: ['De twee wachtwoorden zijn niet gelijk.', 'The two passwords are not the same.'],
  submit: ['Wachtwoord instellen', 'Set password'],
  next: ['Daarna stel je tweestapsverificatie in met een authenticator-app op je telefoon.', 'Then you set up two-factor authentication with an authenticator app on your phone.'],
  badLink: ['Deze uitnodiging werkt niet (meer)', 'This invitation does not work (any more)'],
  askOffice: ['Vraag het certificeringsbureau om een nieuwe uitnodiging.', 'Ask the certification office for a new invitation.'],
  alreadySet: ['Heb je je wachtwoord al ingesteld?', 'Have you set your password already?'],
  logIn: ['Log dan in', 'Then log in'],
  noToken: ['Er staat geen uitnodiging in deze link.', 'This link holds no invitation.'],
  error: ['Er ging iets mis', 'Something went wrong'],
} as const;

interface Invitation {
  email: string;
  displayName: string;
  expiresAt: string;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await raw(path, { method: 'POST', json: body });
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export default function InvitationPage() {
  const { lang, message, dateTime } = useBaseI18n();
  const tx = (key: keyof typeof texts) => texts[key][lang === 'en' ? 1 : 0];
  const login = useLogin();
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token'));
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const checked = useRef(false);
  const repeatRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    if (token) window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setLinkError(tx('noToken'));
      return;
    }
    post<Invitation>('/auth/invitation/check', { token })
      .then(setInvitation)
      .catch((err: unknown) => setLinkError(err instanceof ApiError ? message(err.message) : tx('error')));
  }, []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!invitation || !token) return;
    const form = new FormData(e.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? '')) {
      setMismatch(true);
      repeatRef.current?.focus();
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      await post('/auth/invitation/accept', { token, password });
      // Logged in at once; the portal then asks for two-factor enrolment before anything else.
      await login(invitation.email, password);
    } catch (err) {
      if (err instanceof ApiError && ['TOKEN_USED', 'TOKEN_EXPIRED', 'TOKEN_INVALID'].includes(err.code)) setLinkError(message(err.message));
      else setError(err instanceof ApiError ? message(err.message) : tx('error'));
    } finally {
      setBusy(false);
    }
  };

  if (linkError) {
    return (
      <div className="rlp-narrow">
        <Heading1>{tx('badLink')}</Heading1>
        <Alert type="error" role="alert">
          <Paragraph>{linkError}</Paragraph>
        </Alert>
        <Paragraph>{tx('askOffice')}</Paragraph>
        <Paragraph>
          {tx('alreadySet')} <Link to="/inloggen">{tx('logIn')}</Link>.
        </Paragraph>
      </div>
    );
  }
  if (!invitation) return <Loading />;
  return (
    <div className="rlp-narrow">
      <Heading1>{tx('title')}</Heading1>
      <Paragraph lead>{tx('intro')}</Paragraph>
      <dl className="rlp-facts">
        <dt>{tx('account')}</dt>
        <dd data-testid="invitation-account">
          {invitation.displayName} ({invitation.email})
        </dd>
      </dl>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <FormField type="text">
          <FormLabel htmlFor="new-password">{tx('password')}</FormLabel>
          <FormFieldDescription id="new-password-hint">{tx('passwordHint')}</FormFieldDescription>
          <Textbox id="new-password" name="password" type="password" autoComplete="new-password" aria-describedby="new-password-hint" required />
        </FormField>
        <FormField type="text" invalid={mismatch}>
          <FormLabel htmlFor="repeat-password">{tx('repeat')}</FormLabel>
          {mismatch ? <FormFieldErrorMessage id="repeat-password-error">{tx('mismatch')}</FormFieldErrorMessage> : null}
          <Textbox
            ref={repeatRef}
            id="repeat-password"
            name="repeat"
            type="password"
            autoComplete="new-password"
            required
            invalid={mismatch}
            aria-invalid={mismatch || undefined}
            aria-describedby={mismatch ? 'repeat-password-error' : undefined}
          />
        </FormField>
        <Paragraph>{tx('next')}</Paragraph>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {tx('submit')}
        </Button>
      </form>
      <Paragraph className="rlp-hint">{dateTime(invitation.expiresAt) ? `${lang === 'en' ? 'Valid until' : 'Geldig tot'} ${dateTime(invitation.expiresAt)}` : null}</Paragraph>
    </div>
  );
}
