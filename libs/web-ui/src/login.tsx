import { Alert, Button, FormField, FormFieldDescription, FormLabel, Heading1, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from './api';
import { useBaseI18n } from './i18n';
import { useLogin } from './session';
import { useTwoFactorTexts } from './two-factor';

/**
 * The login form every portal shows at /inloggen. An account with two-factor authentication
 * (ADR 0021) gets a second step after a right password: the code from the app, or a recovery code.
 * The password stays in this component's memory only until the second step is done.
 */
export function LoginForm({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  const { t, message } = useBaseI18n();
  const { tf } = useTwoFactorTexts();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secondStep, setSecondStep] = useState<{ email: string; password: string } | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (secondStep) codeField.current?.focus();
  }, [secondStep, useRecovery]);

  const attempt = async (credentials: { email: string; password: string }, factor: { totpCode?: string; recoveryCode?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(credentials.email, credentials.password, factor);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED' && !secondStep) {
        setSecondStep(credentials);
        return;
      }
      setError(err instanceof ApiError ? message(err.message) : t('error'));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    void attempt({ email: String(form.get('email')), password: String(form.get('password')) }, {});
  };
  const submitCode = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    if (!secondStep) return;
    void attempt(secondStep, useRecovery ? { recoveryCode: code } : { totpCode: code.replace(/\s/g, '') });
  };
  const errorAlert = error ? (
    <Alert type="error" role="alert">
      <Paragraph>{error}</Paragraph>
    </Alert>
  ) : null;

  if (secondStep) {
    return (
      <div className="rlp-narrow">
        <Heading1>{title}</Heading1>
        <Paragraph lead>{useRecovery ? tf('loginRecoveryIntro') : tf('loginCodeIntro')}</Paragraph>
        {errorAlert}
        <form onSubmit={submitCode} noValidate key={useRecovery ? 'recovery' : 'totp'}>
          {useRecovery ? (
            <FormField type="text">
              <FormLabel htmlFor="login-code">{tf('recoveryCode')}</FormLabel>
              <Textbox ref={codeField} id="login-code" name="code" autoComplete="off" spellCheck={false} maxLength={32} required />
            </FormField>
          ) : (
            <FormField type="text">
              <FormLabel htmlFor="login-code">{tf('loginCodeTitle')}</FormLabel>
              <FormFieldDescription id="login-code-hint">{tf('codeHint')}</FormFieldDescription>
              <Textbox ref={codeField} id="login-code" name="code" inputMode="numeric" autoComplete="one-time-code" aria-describedby="login-code-hint" maxLength={8} required />
            </FormField>
          )}
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('logIn')}
          </Button>
        </form>
        <Paragraph>
          <Button type="button" appearance="subtle-button" onClick={() => (setError(null), setUseRecovery(!useRecovery))}>
            {useRecovery ? tf('useTotp') : tf('useRecovery')}
          </Button>{' '}
          <Button type="button" appearance="subtle-button" onClick={() => (setError(null), setUseRecovery(false), setSecondStep(null))}>
            {tf('back')}
          </Button>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="rlp-narrow">
      <Heading1>{title}</Heading1>
      <Paragraph lead>{intro}</Paragraph>
      {errorAlert}
      <form onSubmit={submit} noValidate>
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
