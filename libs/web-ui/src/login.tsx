import { Alert, Button, FormField, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from './api';
import { useBaseI18n } from './i18n';
import { useLogin } from './session';

/** The login form every portal shows at /inloggen. */
export function LoginForm({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  const { t, message } = useBaseI18n();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      setError(err instanceof ApiError ? message(err.message) : t('error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rlp-narrow">
      <Heading1>{title}</Heading1>
      <Paragraph lead>{intro}</Paragraph>
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
      {children}
    </div>
  );
}
