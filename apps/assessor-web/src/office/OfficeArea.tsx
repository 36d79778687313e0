import { Heading1 } from '@utrecht/component-library-react';
import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n';

/** The certification office's screens, under /bureau. */
export default function OfficeArea() {
  const { t } = useI18n();
  return (
    <Routes>
      <Route index element={<Heading1>{t('dashboardTitle')}</Heading1>} />
    </Routes>
  );
}
