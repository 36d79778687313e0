import { Button, PageContent, PageFooter, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { draftsOf } from './drafts';
import { useBaseI18n } from './i18n';
import { useSession } from './session';
import { Loading } from './status';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on exactly this path (the home link). */
  end?: boolean;
}

export function useOnline(): boolean {
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

/**
 * Every portal's frame: skip link, header (register name, portal name, language switch, who is
 * logged in, log out), the main menu for a logged-in person, an offline notice, and the footer.
 * After in-app navigation the page's heading gets focus, so screen readers hear where they are.
 */
export function Shell({ appName, nav, offlineText, children }: { appName: string; nav: NavItem[]; offlineText: string; children: ReactNode }) {
  const { t, lang, setLang } = useBaseI18n();
  const { account, logout } = useSession();
  const online = useOnline();
  const location = useLocation();
  // Not on the first load, where the skip link comes first.
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
      <header className="rlp-header">
        <div className="rlp-header__inner">
          <a className="rlp-brand" href="/">
            <span className="rlp-brand__mark" aria-hidden="true">
              R
            </span>
            <span>
              <span className="rlp-brand__name">{t('registerName')}</span>
              <span className="rlp-brand__portal">{appName}</span>
            </span>
          </a>
          <div className="rlp-header__tools">
            <Button appearance="subtle-button" className="rlp-lang" lang={lang === 'nl' ? 'en' : 'nl'} aria-label={t('switchLanguageLabel')} onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>
              {t('switchLanguage')}
            </Button>
            {account ? (
              <>
                <span className="rlp-who">{account.displayName}</span>
                <Button
                  appearance="secondary-action-button"
                  onClick={() => {
                    // Unsaved typing is never thrown away without asking (drafts.ts).
                    if (draftsOf(globalThis.localStorage, account.id).length > 0 && !window.confirm(t('logOutUnsaved'))) return;
                    void logout().then(() => window.location.assign('/inloggen'));
                  }}
                >
                  {t('logOut')}
                </Button>
              </>
            ) : null}
          </div>
        </div>
        {/* No menu while a session may only enrol in two-factor authentication (ADR 0021): nothing there would open. */}
        {account && !account.twoFactor?.enrolmentRequired && nav.length > 0 ? (
          <nav className="rlp-nav" aria-label={t('main')}>
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      {!online ? (
        <div className="rlp-offline" role="status">
          {offlineText}
        </div>
      ) : null}
      <main id="inhoud" className="rlp-main">
        <PageContent>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </PageContent>
      </main>
      <PageFooter className="rlp-footer">
        <Paragraph>Noloc · {t('registerName')}</Paragraph>
      </PageFooter>
    </div>
  );
}
