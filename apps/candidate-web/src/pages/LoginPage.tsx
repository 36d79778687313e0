import { Alert, Button, FormField, FormFieldDescription, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, must } from '../api/client';
import { useI18n } from '../i18n';

/** A path on this site to return to after login, or null (never another origin). */
export function sameOriginPath(back: string | null): string | null {
  if (!back || !back.startsWith('/')) return null;
  try {
    const url = new URL(back, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

function useAfterLogin() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async (account: unknown) => {
    client.setQueryData(['me'], account);
    const back = params.get('terug');
    navigate(sameOriginPath(back) ?? '/', { replace: true });
  };
}

export function LoginPage() {
  const { t, message } = useI18n();
  const after = useAfterLogin();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const session = await must(api.POST('/auth/session', { body: { email: String(form.get('email')), password: String(form.get('password')) } }));
      await after((session as unknown as { account: unknown }).account);
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : t('error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rlp-narrow">
      <Heading1>{t('loginTitle')}</Heading1>
      <Paragraph lead>{t('loginIntro')}</Paragraph>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField type="text">
          <FormLabel htmlFor="email">{t('email')}</FormLabel>
          <Textbox id="email" name="email" type="email" autoComplete="username" required />
        </FormField>
        <FormField type="text">
          <FormLabel htmlFor="password">{t('password')}</FormLabel>
          <Textbox id="password" name="password" type="password" autoComplete="current-password" required />
        </FormField>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('logIn')}
        </Button>
      </form>
      <Paragraph>
        {t('noAccountYet')} <Link to="/registreren">{t('register')}</Link>
      </Paragraph>
    </div>
  );
}

export function RegisterPage() {
  const { t, message } = useI18n();
  const after = useAfterLogin();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = new Map<string, string>();
  const details = problem?.problem.details;
  if (Array.isArray(details)) for (const d of details as Array<{ path?: string; constraints?: string[] }>) if (d.path) fieldErrors.set(d.path, (d.constraints ?? []).join('; '));
  if (problem?.code === 'PASSWORD_TOO_SHORT') fieldErrors.set('password', message(problem.message));
  if (problem?.code === 'EMAIL_TAKEN' || problem?.code === 'ACCOUNT_EXISTS') fieldErrors.set('email', message(problem.message));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      email: String(form.get('email')),
      password: String(form.get('password')),
      displayName: String(form.get('displayName')),
      ...(form.get('organisation') ? { organisation: String(form.get('organisation')) } : {}),
    };
    setBusy(true);
    setProblem(null);
    try {
      await must(api.POST('/auth/register', { body }));
      const session = await must(api.POST('/auth/session', { body: { email: body.email, password: body.password } }));
      await after((session as unknown as { account: unknown }).account);
    } catch (err) {
      setProblem(err instanceof ApiError ? err : new ApiError(0, { code: 'UNKNOWN', message: t('error') }));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: string, label: string, type: string, autoComplete: string, hint?: string, required = true) => {
    const error = fieldErrors.get(name);
    return (
      <FormField type="text" invalid={Boolean(error)}>
        <FormLabel htmlFor={`reg-${name}`}>{label}</FormLabel>
        {hint ? <FormFieldDescription id={`reg-${name}-hint`}>{hint}</FormFieldDescription> : null}
        {error ? (
          <p className="utrecht-form-field-error-message" id={`reg-${name}-error`}>
            {error}
          </p>
        ) : null}
        <Textbox
          id={`reg-${name}`}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          invalid={Boolean(error)}
          aria-describedby={[hint ? `reg-${name}-hint` : '', error ? `reg-${name}-error` : ''].filter(Boolean).join(' ') || undefined}
        />
      </FormField>
    );
  };
  return (
    <div className="rlp-narrow">
      <Heading1>{t('registerTitle')}</Heading1>
      <Paragraph lead>{t('loginIntro')}</Paragraph>
      {problem ? (
        <Alert type="error" role="alert">
          <Paragraph>{message(problem.message)}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('displayName', t('displayName'), 'text', 'name', t('displayNameHint'))}
        {field('email', t('email'), 'email', 'email')}
        {field('password', t('password'), 'password', 'new-password', t('passwordHint'))}
        {field('organisation', t('organisation'), 'text', 'organization', t('organisationHint'), false)}
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('register')}
        </Button>
      </form>
      <Paragraph>
        {t('haveAccount')} <Link to="/inloggen">{t('logIn')}</Link>
      </Paragraph>
    </div>
  );
}
