import { Button, PageContent, PageFooter, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useI18n } from './i18n';
import { HomePage } from './pages/HomePage';
import { LoginPage, RegisterPage } from './pages/LoginPage';
import { useSession } from './session';
import { Loading } from './ui/status';

import PortfolioPage from './pages/PortfolioPage';
import SectionPage from './pages/SectionPage';

// Home, the portfolio and its parts are where candidates spend their time: in the first bundle.
// The rest loads when it is needed.
const SubmitPage = lazy(() => import('./pages/SubmitPage'));
const DocumentsPage = lazy(() => import('./pages/DocumentsPage'));
const DossierPage = lazy(() => import('./pages/DossierPage'));
const MyDataPage = lazy(() => import('./pages/MyDataPage'));

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const { account, logout } = useSession();
  return (
    <header className="rlp-header">
      <div className="rlp-header__inner">
        <a className="rlp-brand" href="/">
          <span className="rlp-brand__mark" aria-hidden="true">
            R
          </span>
          <span>
            <span className="rlp-brand__name">{t('registerName')}</span>
            <span className="rlp-brand__portal">{t('appName')}</span>
          </span>
        </a>
        <div className="rlp-header__tools">
          <Button appearance="subtle-button" className="rlp-lang" lang={lang === 'nl' ? 'en' : 'nl'} aria-label={t('switchLanguageLabel')} onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>
            {t('switchLanguage')}
          </Button>
          {account ? (
            <>
              <span className="rlp-who">{account.displayName}</span>
              <Button appearance="secondary-action-button" onClick={() => void logout().then(() => window.location.assign('/inloggen'))}>
                {t('logOut')}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {account ? (
        <nav className="rlp-nav" aria-label={t('main')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/documenten">{t('documents')}</NavLink>
            </li>
            <li>
              <NavLink to="/gegevens">{t('myData')}</NavLink>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { account, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!account) return <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function App() {
  const { t } = useI18n();
  const online = useOnline();
  const location = useLocation();
  // Move focus to the page's heading after navigation (not on the first load, where the skip link
  // comes first), so screen readers hear where they are.
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    const h1 = document.querySelector('main h1');
    if (h1 instanceof HTMLElement) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
    }
  }, [location.pathname]);
  return (
    <div className="rlp-page">
      <SkipLink href="#inhoud">{t('skipToContent')}</SkipLink>
      <Header />
      {!online ? (
        <div className="rlp-offline" role="status">
          {t('offlineBanner')}
        </div>
      ) : null}
      <main id="inhoud" className="rlp-main">
        <PageContent>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/inloggen" element={<LoginPage />} />
              <Route path="/registreren" element={<RegisterPage />} />
              <Route path="/" element={<RequireLogin><HomePage /></RequireLogin>} />
              <Route path="/portfolio/:id" element={<RequireLogin><PortfolioPage /></RequireLogin>} />
              <Route path="/portfolio/:id/indienen" element={<RequireLogin><SubmitPage /></RequireLogin>} />
              <Route path="/portfolio/:id/:slug" element={<RequireLogin><SectionPage /></RequireLogin>} />
              <Route path="/dossier/:id" element={<RequireLogin><DossierPage /></RequireLogin>} />
              <Route path="/documenten" element={<RequireLogin><DocumentsPage /></RequireLogin>} />
              <Route path="/gegevens" element={<RequireLogin><MyDataPage /></RequireLogin>} />
              <Route path="*" element={<Paragraph>{t('notFound')}</Paragraph>} />
            </Routes>
          </Suspense>
        </PageContent>
      </main>
      <PageFooter className="rlp-footer">
        <Paragraph>Noloc · {t('registerName')}</Paragraph>
      </PageFooter>
    </div>
  );
}
