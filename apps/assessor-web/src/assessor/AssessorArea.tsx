import { Heading1 } from '@utrecht/component-library-react';
import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n';

/** The assessor's screens, under /dossiers. */
export default function AssessorArea() {
  const { t } = useI18n();
  return (
    <Routes>
      <Route index element={<Heading1>{t('dossiersTitle')}</Heading1>} />
    </Routes>
  );
}
