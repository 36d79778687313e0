import { Alert, Button, FormField, FormFieldDescription, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ForgotPasswordLink } from '@rlp/web-ui/account-pages';
import { LoginForm } from '@rlp/web-ui/login';
import { api, ApiError, must } from '../api/client';
import { useI18n } from '../i18n';

export function LoginPage() {
  const { t } = useI18n();
  return (
    <LoginForm title={t('loginTitle')} intro={t('loginIntro')}>
      <ForgotPasswordLink />
      <Paragraph>
        {t('noAccountYet')} <Link to="/registreren">{t('register')}</Link>
      </Paragraph>
    </LoginForm>
  );
}

export function RegisterPage() {
  const { t, message } = useI18n();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The same answer whether or not the address already has an account (ADR 0020): no automatic login.
  const [registered, setRegistered] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const fieldErrors = new Map<string, string>();
  const details = problem?.problem.details;
  if (Array.isArray(details)) for (const d of details as Array<{ path?: string; constraints?: string[] }>) if (d.path) fieldErrors.set(d.path, (d.constraints ?? []).join('; '));
  if (problem?.code === 'PASSWORD_TOO_SHORT' || problem?.code === 'PASSWORD_TOO_WEAK') fieldErrors.set('password', message(problem.message));
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
      setRegistered(true);
      heading.current?.focus();
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
  if (registered) {
    return (
      <div className="rlp-narrow">
        <Heading1 ref={heading} tabIndex={-1}>
          {t('registerTitle')}
        </Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('registered')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/inloggen">{t('logIn')}</Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="rlp-narrow">
      <Heading1 ref={heading} tabIndex={-1}>
        {t('registerTitle')}
      </Heading1>
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
