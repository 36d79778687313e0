import { Route, Routes } from 'react-router';
import { AuditPage, RegulationsPage, RulebooksPage } from './beheer';
import { AccountsPage } from './AccountsPage';
import { Dashboard } from './Dashboard';
import { DossierDetail } from './DossierDetail';

/** The certification office's screens, under /bureau. */
export default function OfficeArea() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="dossiers/:id" element={<DossierDetail />} />
      <Route path="accounts" element={<AccountsPage />} />
      <Route path="reglementen/*" element={<RegulationsPage />} />
      <Route path="toetsingskaders" element={<RulebooksPage />} />
      <Route path="audit" element={<AuditPage />} />
    </Routes>
  );
}
