import { Alert, Button, FormField, FormFieldDescription, FormLabel, Heading1, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, problemOf, raw } from './api';
import { useBaseI18n, type Lang } from './i18n';
import { useSession } from './session';
import { Loading } from './status';

/**
 * The account life cycle in the browser (issue 15, ADR 0020), shared by both portals: forgotten
 * password, the reset page behind the mailed link, the confirmation pages of the mailed links
 * (e-mail verification, a new address), and the account page (change password, change e-mail;
 * more sections, e.g. two-factor authentication, come in as children). Texts live here, Dutch first.
 */
const texts = {
  forgotLink: ['Wachtwoord vergeten?', 'Forgot your password?'],
  forgotTitle: ['Wachtwoord vergeten', 'Forgot your password'],
  forgotIntro: [
    'Vul het e-mailadres van je account in. Je krijgt dan een bericht met een link om een nieuw wachtwoord in te stellen. De link is 30 minuten geldig en werkt één keer.',
    'Enter the e-mail address of your account. You will receive a message with a link to set a new password. The link is valid for 30 minutes and works once.',
  ],
  send: ['Link versturen', 'Send link'],
  backToLogin: ['Terug naar inloggen', 'Back to log in'],
  resetTitle: ['Nieuw wachtwoord instellen', 'Set a new password'],
  resetIntro: [
    'Kies een nieuw wachtwoord. Daarna ben je op alle apparaten uitgelogd en log je in met het nieuwe wachtwoord.',
    'Choose a new password. Afterwards you are logged out on every device and log in with the new password.',
  ],
  newPassword: ['Nieuw wachtwoord', 'New password'],
  passwordHint: [
    'Minstens 12 tekens en niet makkelijk te raden. Een zin van een paar woorden die niet bij elkaar horen werkt goed.',
    'At least 12 characters and not easy to guess. A sentence of a few unrelated words works well.',
  ],
  save: ['Opslaan', 'Save'],
  resetDone: ['Je wachtwoord is ingesteld. Je bent op alle apparaten uitgelogd; log in met je nieuwe wachtwoord.', 'Your password is set. You have been logged out on every device; log in with your new password.'],
  linkMissing: ['Deze pagina werkt alleen via de link in het e-mailbericht.', 'This page only works through the link in the e-mail message.'],
  requestNew: ['Nieuwe link aanvragen', 'Ask for a new link'],
  checking: ['De link wordt gecontroleerd…', 'Checking the link…'],
  verifyTitle: ['E-mailadres bevestigen', 'Confirm e-mail address'],
  verifyDone: ['Je e-mailadres is bevestigd. Je kunt je portfolio indienen zodra het compleet is.', 'Your e-mail address is confirmed. You can submit your portfolio once it is complete.'],
  changeConfirmTitle: ['Nieuw e-mailadres bevestigen', 'Confirm new e-mail address'],
  changeConfirmDone: ['Je e-mailadres is gewijzigd in', 'Your e-mail address has been changed to'],
  changeConfirmAfter: ['Voortaan log je in met dit adres.', 'From now on you log in with this address.'],
  toHome: ['Naar de startpagina', 'To the start page'],
  toLogin: ['Naar inloggen', 'To log in'],
  accountTitle: ['Account', 'Account'],
  accountIntro: ['Je inloggegevens. Wijzigingen vragen om je huidige wachtwoord.', 'Your sign-in details. Changes ask for your current password.'],
  emailLabel: ['E-mailadres', 'E-mail address'],
  addressState: ['Bevestigd', 'Confirmed'],
  verified: ['Ja, op', 'Yes, on'],
  notVerified: ['Nog niet: volg de link in het bericht dat we je stuurden', 'Not yet: follow the link in the message we sent you'],
  changePending: [
    'Er wacht een wijziging van je e-mailadres op bevestiging via de link in het bericht aan het nieuwe adres.',
    'A change of your e-mail address waits for confirmation through the link in the message to the new address.',
  ],
  passwordTitle: ['Wachtwoord wijzigen', 'Change password'],
  passwordIntro: ['Na het wijzigen worden je andere sessies (op andere apparaten of browsers) beëindigd; deze blijft open.', 'After the change your other sessions (on other devices or browsers) end; this one stays open.'],
  currentPassword: ['Huidig wachtwoord', 'Current password'],
  passwordChanged: ['Je wachtwoord is gewijzigd. Andere sessies zijn beëindigd.', 'Your password has been changed. Other sessions have ended.'],
  emailTitle: ['E-mailadres wijzigen', 'Change e-mail address'],
  emailIntro: [
    'We sturen een link naar het nieuwe adres; pas als je die volgt, wordt het adres gewijzigd. Je huidige adres krijgt een melding.',
    'We send a link to the new address; the address changes only when you follow it. Your current address gets a notice.',
  ],
  newEmail: ['Nieuw e-mailadres', 'New e-mail address'],
  bannerTitle: ['Bevestig je e-mailadres', 'Confirm your e-mail address'],
  bannerSent: ['We hebben een bericht met een bevestigingslink gestuurd naar', 'We have sent a message with a confirmation link to'],
  bannerText: ['Zolang je adres niet is bevestigd, kun je je portfolio niet indienen.', 'Until your address is confirmed, you cannot submit your portfolio.'],
  sendAgain: ['Stuur de link opnieuw', 'Send the link again'],
  error: ['Er ging iets mis', 'Something went wrong'],
} as const;

export type AccountTextKey = keyof typeof texts;

export function useAccountTexts() {
  const { lang, message, dateTime } = useBaseI18n();
  return { ta: (key: AccountTextKey) => texts[key][(lang as Lang) === 'en' ? 1 : 0], message, dateTime };
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  const res = await raw(path, { method: 'POST', ...(body !== undefined ? { json: body } : {}) });
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** What GET /account answers (both apps). */
export interface AccountOverview {
  id: string;
  email: string;
  displayName: string;
  role: 'candidate' | 'assessor' | 'admin';
  organisation: string | null;
  emailVerifiedAt: string | null;
  emailChangePending: boolean;
}

export function useAccountOverview(enabled = true) {
  return useQuery({
    queryKey: ['account'],
    enabled,
    queryFn: async () => {
      const res = await raw('/account');
      if (!res.ok) throw await problemOf(res);
      return (await res.json()) as AccountOverview;
    },
  });
}

/**
 * The token from a mailed link (`?token=…`), read once and then taken out of the address bar, so
 * it does not stay in the history or go along in a Referer.
 */
function useLinkToken(): string | null {
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token'));
  useEffect(() => {
    if (token && window.location.search.includes('token=')) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);
  return token;
}

function ErrorAlert({ error }: { error: string | null }) {
  return error ? (
    <Alert type="error" role="alert">
      <Paragraph>{error}</Paragraph>
    </Alert>
  ) : null;
}

function OkAlert({ children }: { children: ReactNode }) {
  return (
    <Alert type="ok" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string | undefined;
  error?: string | null | undefined;
}

function Field({ id, name, label, type, autoComplete, hint, error }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField type="text" invalid={Boolean(error)}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : null}
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <Textbox id={id} name={name} type={type} autoComplete={autoComplete} required invalid={Boolean(error)} aria-describedby={describedBy} />
    </FormField>
  );
}

/** The "Wachtwoord vergeten?" link for LoginForm's children slot. */
export function ForgotPasswordLink() {
  const { ta } = useAccountTexts();
  return (
    <Paragraph>
      <Link to="/wachtwoord-vergeten">{ta('forgotLink')}</Link>
    </Paragraph>
  );
}

const PASSWORD_CODES = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK']);

/** /wachtwoord-vergeten: the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { ta, message } = useAccountTexts();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const answer = await post<{ message: string }>('/auth/password-reset/request', { email });
      setDone(message(answer.message));
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : ta('error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rlp-narrow">
      <Heading1>{ta('forgotTitle')}</Heading1>
      {done ? (
        <OkAlert>{done}</OkAlert>
      ) : (
        <>
          <Paragraph lead>{ta('forgotIntro')}</Paragraph>
          <ErrorAlert error={error} />
          <form className="rlp-form rlp-narrow" onSubmit={(e) => void submit(e)} noValidate>
            <Field id="forgot-email" name="email" label={ta('emailLabel')} type="email" autoComplete="username" />
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {ta('send')}
            </Button>
          </form>
        </>
      )}
      <Paragraph>
        <Link to="/inloggen">{ta('backToLogin')}</Link>
      </Paragraph>
    </div>
  );
}

/** /wachtwoord-herstellen?token=…: checks the link first, then asks for the new password. */
export function ResetPasswordPage() {
  const { ta, message } = useAccountTexts();
  const token = useLinkToken();
  const client = useQueryClient();
  const check = useQuery({
    queryKey: ['password-reset-check', token],
    enabled: Boolean(token),
    retry: false,
    queryFn: () => post<{ valid: true; expiresAt: string }>('/auth/password-reset/check', { token }),
  });
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password') ?? '');
    setBusy(true);
    setProblem(null);
    try {
      await post('/auth/password-reset', { token, password });
      // Every session of the account has ended, this browser's too.
      client.setQueryData(['me'], null);
      setDone(true);
      heading.current?.focus();
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: ta('error') }));
    } finally {
      setBusy(false);
    }
  };
  const linkProblem = !token ? ta('linkMissing') : check.error instanceof ApiError ? message(check.error.message) : check.error ? ta('error') : problem && !PASSWORD_CODES.has(problem.code) && problem.code.startsWith('TOKEN_') ? message(problem.message) : null;
  return (
    <div className="rlp-narrow">
      <Heading1 ref={heading} tabIndex={-1}>
        {ta('resetTitle')}
      </Heading1>
      {done ? (
        <>
          <OkAlert>{ta('resetDone')}</OkAlert>
          <Paragraph>
            <Link to="/inloggen">{ta('toLogin')}</Link>
          </Paragraph>
        </>
      ) : linkProblem ? (
        <>
          <Alert type="error" role="alert">
            <Paragraph>{linkProblem}</Paragraph>
          </Alert>
          <Paragraph>
            <Link to="/wachtwoord-vergeten">{ta('requestNew')}</Link>
          </Paragraph>
        </>
      ) : check.isLoading ? (
        <Paragraph role="status">{ta('checking')}</Paragraph>
      ) : (
        <>
          <Paragraph lead>{ta('resetIntro')}</Paragraph>
          <ErrorAlert error={problem && !PASSWORD_CODES.has(problem.code) ? message(problem.message) : null} />
          <form className="rlp-form rlp-narrow" onSubmit={(e) => void submit(e)} noValidate>
            <Field
              id="reset-password"
              name="password"
              label={ta('newPassword')}
              type="password"
              autoComplete="new-password"
              hint={ta('passwordHint')}
              error={problem && PASSWORD_CODES.has(problem.code) ? message(problem.message) : null}
            />
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {ta('save')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}

/** A page behind a mailed confirmation link: posts the token once, shows the outcome. */
function ConfirmLinkPage({ title, path, done }: { title: string; path: string; done: (answer: { email: string }) => ReactNode }) {
  const { ta, message } = useAccountTexts();
  const token = useLinkToken();
  const client = useQueryClient();
  const { account } = useSession();
  const confirm = useQuery({
    queryKey: ['confirm-link', path, token],
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    queryFn: async () => {
      const answer = await post<{ email: string }>(path, { token });
      // A first fetch of these that started before the confirmation committed (the page's own
      // start-up) would otherwise be joined by the refetch, not replaced: its answer, from before
      // the confirmation, would stay (the banner "confirm your address" after confirming).
      await client.cancelQueries({ queryKey: ['account'] });
      await client.cancelQueries({ queryKey: ['me'] });
      void client.invalidateQueries({ queryKey: ['account'] });
      void client.invalidateQueries({ queryKey: ['me'] });
      return answer;
    },
  });
  const next = account ? (
    <Link to="/">{ta('toHome')}</Link>
  ) : (
    <Link to="/inloggen">{ta('toLogin')}</Link>
  );
  return (
    <div className="rlp-narrow">
      <Heading1>{title}</Heading1>
      {!token ? (
        <Alert type="error" role="alert">
          <Paragraph>{ta('linkMissing')}</Paragraph>
        </Alert>
      ) : confirm.isLoading ? (
        <Loading />
      ) : confirm.error ? (
        <Alert type="error" role="alert">
          <Paragraph>{confirm.error instanceof ApiError ? message(confirm.error.message) : ta('error')}</Paragraph>
        </Alert>
      ) : confirm.data ? (
        <OkAlert>{done(confirm.data)}</OkAlert>
      ) : null}
      <Paragraph>{next}</Paragraph>
    </div>
  );
}

/** /e-mailadres-bevestigen?token=… (kandidaatportaal). */
export function VerifyEmailPage() {
  const { ta } = useAccountTexts();
  return <ConfirmLinkPage title={ta('verifyTitle')} path="/auth/email-verification/confirm" done={() => ta('verifyDone')} />;
}

/** /nieuw-e-mailadres-bevestigen?token=… (both portals). */
export function ConfirmEmailChangePage() {
  const { ta } = useAccountTexts();
  return (
    <ConfirmLinkPage
      title={ta('changeConfirmTitle')}
      path="/auth/email-change/confirm"
      done={(a) => (
        <>
          {ta('changeConfirmDone')} <strong>{a.email}</strong>. {ta('changeConfirmAfter')}
        </>
      )}
    />
  );
}

/** The banner for a candidate whose address is not confirmed yet, with "send the link again". */
export function EmailVerificationBanner() {
  const { ta, message } = useAccountTexts();
  const { account } = useSession();
  const overview = useAccountOverview(account?.role === 'candidate');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (account?.role !== 'candidate' || !overview.data || overview.data.emailVerifiedAt) return null;
  const resend = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await post<{ message: string }>('/account/email-verification');
      setNotice(message(answer.message));
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : ta('error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    // Before the page's own h1 on every page, so no heading of its own: a named region (style through
    // the CSSOM, which the Content-Security-Policy allows).
    <section aria-label={ta('bannerTitle')} style={{ marginBlockEnd: '1.5rem' }}>
      <Alert type="warning">
        <Paragraph>
          <strong>{ta('bannerTitle')}</strong>
        </Paragraph>
        <Paragraph>
          {ta('bannerSent')} <strong>{overview.data.email}</strong>. {ta('bannerText')}
        </Paragraph>
        <Paragraph>
          <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void resend()}>
            {ta('sendAgain')}
          </Button>
        </Paragraph>
        {notice ? <Paragraph role="status">{notice}</Paragraph> : null}
        {error ? <Paragraph role="alert">{error}</Paragraph> : null}
      </Alert>
    </section>
  );
}

/** Change password: the current one is required; other sessions end. */
export function ChangePasswordSection() {
  const { ta, message } = useAccountTexts();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await post('/account/password', { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') });
      formEl.reset();
      setDone(true);
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: ta('error') }));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (code: string | Set<string>) => (problem && (typeof code === 'string' ? problem.code === code : code.has(problem.code)) ? message(problem.message) : null);
  const other = problem && problem.code !== 'CURRENT_PASSWORD_INVALID' && !PASSWORD_CODES.has(problem.code) ? message(problem.message) : null;
  return (
    <section aria-labelledby="account-password" className="rlp-card">
      <Heading2 id="account-password">{ta('passwordTitle')}</Heading2>
      <Paragraph>{ta('passwordIntro')}</Paragraph>
      {done ? <OkAlert>{ta('passwordChanged')}</OkAlert> : null}
      <ErrorAlert error={other} />
      <form className="rlp-form rlp-narrow" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="account-current-password" name="currentPassword" label={ta('currentPassword')} type="password" autoComplete="current-password" error={fieldError('CURRENT_PASSWORD_INVALID')} />
        <Field id="account-new-password" name="newPassword" label={ta('newPassword')} type="password" autoComplete="new-password" hint={ta('passwordHint')} error={fieldError(PASSWORD_CODES)} />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {ta('passwordTitle')}
        </Button>
      </form>
    </section>
  );
}

/** Change e-mail: the current password is required; the change waits for the link to the new address. */
export function ChangeEmailSection() {
  const { ta, message } = useAccountTexts();
  const client = useQueryClient();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const answer = await post<{ message: string }>('/account/email', { currentPassword: String(form.get('currentPassword') ?? ''), newEmail: String(form.get('newEmail') ?? '').trim() });
      formEl.reset();
      setDone(message(answer.message));
      void client.invalidateQueries({ queryKey: ['account'] });
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: ta('error') }));
    } finally {
      setBusy(false);
    }
  };
  const details = problem?.problem.details;
  const emailInvalid = problem?.code === 'EMAIL_UNCHANGED' || (problem?.code === 'VALIDATION_FAILED' && JSON.stringify(details ?? '').includes('newEmail'));
  const other = problem && problem.code !== 'CURRENT_PASSWORD_INVALID' && !emailInvalid ? message(problem.message) : null;
  return (
    <section aria-labelledby="account-email" className="rlp-card">
      <Heading2 id="account-email">{ta('emailTitle')}</Heading2>
      <Paragraph>{ta('emailIntro')}</Paragraph>
      {done ? <OkAlert>{done}</OkAlert> : null}
      <ErrorAlert error={other} />
      <form className="rlp-form rlp-narrow" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="account-new-email" name="newEmail" label={ta('newEmail')} type="email" autoComplete="email" error={emailInvalid && problem ? message(problem.message) : null} />
        <Field
          id="account-email-password"
          name="currentPassword"
          label={ta('currentPassword')}
          type="password"
          autoComplete="current-password"
          error={problem?.code === 'CURRENT_PASSWORD_INVALID' ? message(problem.message) : null}
        />
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {ta('emailTitle')}
        </Button>
      </form>
    </section>
  );
}

/**
 * /account: the address and its state, change password, change e-mail, and whatever else the
 * portal passes as children (e.g. `<TwoFactorSettings />`), each a section with an h2.
 */
export function AccountPage({ children }: { children?: ReactNode }) {
  const { ta, dateTime } = useAccountTexts();
  const overview = useAccountOverview();
  const a = overview.data;
  return (
    <div className="rlp-account">
      <Heading1>{ta('accountTitle')}</Heading1>
      <Paragraph lead>{ta('accountIntro')}</Paragraph>
      {!a ? (
        <Loading />
      ) : (
        <dl className="rlp-facts">
          <dt>{ta('emailLabel')}</dt>
          <dd>
            {a.email}
          </dd>
          <dt>{ta('addressState')}</dt>
          <dd>{a.emailVerifiedAt ? `${ta('verified')} ${dateTime(a.emailVerifiedAt)}` : ta('notVerified')}</dd>
        </dl>
      )}
      {a?.emailChangePending ? (
        <Alert type="info">
          <Paragraph>{ta('changePending')}</Paragraph>
        </Alert>
      ) : null}
      <ChangePasswordSection />
      <ChangeEmailSection />
      {children ? <div className="rlp-card">{children}</div> : null}
    </div>
  );
}
