import { Link, Route, Routes, useLocation } from 'react-router';
import { AuditPage, RegulationsPage, RulebooksPage } from './beheer';
import { AccountDetail } from './AccountDetail';
import { AccountsPage } from './AccountsPage';
import { Dashboard } from './Dashboard';
import { DossierDetail } from './DossierDetail';
import { useOfficeI18n } from './ui';

/** The office's own menu, above each of its pages. "Dossiers" is current on the dashboard and on every dossier. */
function OfficeNav() {
  const { t } = useOfficeI18n();
  const { pathname } = useLocation();
  const items = [
    { to: '/bureau', label: t('ofNavDossiers'), current: pathname === '/bureau' || pathname === '/bureau/' || pathname.startsWith('/bureau/dossiers/') },
    { to: '/bureau/accounts', label: t('ofNavAccounts') },
    { to: '/bureau/reglementen', label: t('ofNavRegulations') },
    { to: '/bureau/toetsingskaders', label: t('ofNavRulebooks') },
    { to: '/bureau/audit', label: t('ofNavAudit') },
  ].map((item) => ({ ...item, current: item.current ?? (pathname === item.to || pathname.startsWith(`${item.to}/`)) }));
  return (
    <nav className="rlp-subnav" aria-label={t('ofSubNav')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className={item.current ? 'active' : undefined} aria-current={pathname === item.to ? 'page' : item.current ? 'true' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The certification office's screens, under /bureau. */
export default function OfficeArea() {
  return (
    <>
      <OfficeNav />
      <Routes>
        <Route index element={<Dashboard />} />
        <Route path="dossiers/:id" element={<DossierDetail />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="accounts/:id" element={<AccountDetail />} />
        <Route path="reglementen/*" element={<RegulationsPage />} />
        <Route path="toetsingskaders" element={<RulebooksPage />} />
        <Route path="audit" element={<AuditPage />} />
      </Routes>
    </>
  );
}
