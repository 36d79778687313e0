import { Paragraph } from '@utrecht/component-library-react';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireLogin } from '@rlp/web-ui/session';
import { ConfirmEmailChangePage, EmailVerificationBanner, ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from '@rlp/web-ui/account-pages';
import { Shell } from '@rlp/web-ui/shell';
import { useI18n } from './i18n';
import { HomePage } from './pages/HomePage';
import { LoginPage, RegisterPage } from './pages/LoginPage';

import PortfolioPage from './pages/PortfolioPage';
import SectionPage from './pages/SectionPage';

// Home, the portfolio and its parts are where candidates spend their time: in the first bundle.
// The rest loads when it is needed.
const SubmitPage = lazy(() => import('./pages/SubmitPage'));
const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
const DossierPage = lazy(() => import('./pages/DossierPage'));
const MyDataPage = lazy(() => import('./pages/MyDataPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));

export function App() {
  const { t } = useI18n();
  const nav = [
    { to: '/', label: t('home'), end: true },
    { to: '/documenten', label: t('documents') },
    { to: '/gegevens', label: t('myData') },
    { to: '/mijn-account', label: t('account') },
  ];
  return (
    <Shell appName={t('appName')} nav={nav} offlineText={t('offlineBanner')}>
      <EmailVerificationBanner />
      <Routes>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route path="/registreren" element={<RegisterPage />} />
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
        <Route path="/e-mailadres-bevestigen" element={<VerifyEmailPage />} />
        <Route path="/nieuw-e-mailadres-bevestigen" element={<ConfirmEmailChangePage />} />
        <Route path="/mijn-account" element={<RequireLogin><AccountPage /></RequireLogin>} />
        <Route path="/" element={<RequireLogin><HomePage /></RequireLogin>} />
        <Route path="/portfolio/:id" element={<RequireLogin><PortfolioPage /></RequireLogin>} />
        <Route path="/portfolio/:id/indienen" element={<RequireLogin><SubmitPage /></RequireLogin>} />
        <Route path="/portfolio/:id/:slug" element={<RequireLogin><SectionPage /></RequireLogin>} />
        <Route path="/dossier/:id" element={<RequireLogin><DossierPage /></RequireLogin>} />
        <Route path="/documenten" element={<RequireLogin><DocumentsPage /></RequireLogin>} />
        <Route path="/gegevens" element={<RequireLogin><MyDataPage /></RequireLogin>} />
        <Route path="*" element={<Paragraph>{t('notFound')}</Paragraph>} />
      </Routes>
    </Shell>
  );
}
