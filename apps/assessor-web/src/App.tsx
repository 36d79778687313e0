import { Paragraph } from '@utrecht/component-library-react';
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginForm } from '@rlp/web-ui/login';
import { ConfirmEmailChangePage, ForgotPasswordLink, ForgotPasswordPage, ResetPasswordPage } from '@rlp/web-ui/account-pages';
import { RequireLogin, useSession } from '@rlp/web-ui/session';
import { Shell, type NavItem } from '@rlp/web-ui/shell';
import { Loading } from '@rlp/web-ui/status';
import { useI18n } from './i18n';

// Each area loads when it is first needed: an assessor never downloads the office's screens.
const AssessorArea = lazy(() => import('./assessor/AssessorArea'));
const OfficeArea = lazy(() => import('./office/OfficeArea'));
const InvitationPage = lazy(() => import('./InvitationPage'));
const AccountPage = lazy(() => import('./AccountPage'));

/** Assessors land on their dossiers, the office on its dashboard. */
function Home() {
  const { account, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={account?.role === 'admin' ? '/bureau' : '/dossiers'} replace />;
}

export function App() {
  const { t } = useI18n();
  const { account } = useSession();
  const admin = account?.role === 'admin';
  // Admins can be assigned as assessor too (ADR 0007), so they see both areas.
  const nav: NavItem[] = [
    ...(admin ? [{ to: '/bureau', label: t('office') }] : []),
    { to: '/dossiers', label: t('myDossiers') },
    { to: '/mijn-account', label: t('account') },
  ];
  const notForRole = <Paragraph>{t('notForRole')}</Paragraph>;
  return (
    <Shell appName={admin ? t('officePortal') : t('assessorPortal')} nav={nav} offlineText={t('offlineBanner')}>
      <Routes>
        <Route
          path="/inloggen"
          element={
            <LoginForm title={t('loginTitle')} intro={t('loginIntro')}>
              <ForgotPasswordLink />
            </LoginForm>
          }
        />
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
        <Route path="/nieuw-e-mailadres-bevestigen" element={<ConfirmEmailChangePage />} />
        <Route path="/uitnodiging" element={<InvitationPage />} />
        <Route path="/mijn-account" element={<RequireLogin roles={['assessor', 'admin']} denied={notForRole}><AccountPage /></RequireLogin>} />
        <Route path="/" element={<RequireLogin roles={['assessor', 'admin']} denied={notForRole}><Home /></RequireLogin>} />
        <Route path="/dossiers/*" element={<RequireLogin roles={['assessor', 'admin']} denied={notForRole}><AssessorArea /></RequireLogin>} />
        <Route path="/bureau/*" element={<RequireLogin roles={['admin']} denied={notForRole}><OfficeArea /></RequireLogin>} />
        <Route path="*" element={<Paragraph>{t('notFound')}</Paragraph>} />
      </Routes>
    </Shell>
  );
}
