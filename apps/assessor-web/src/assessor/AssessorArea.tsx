import { Route, Routes } from 'react-router';
import { ComparisonPage, InterviewPage, JudgementPage, RecordPage } from './joint';
import { DossierList } from './DossierList';
import { DossierPage } from './DossierPage';
import { PortfolioView } from './PortfolioView';
import { ScoringPage } from './ScoringPage';

/** The assessor's screens, under /dossiers. */
export default function AssessorArea() {
  return (
    <Routes>
      <Route index element={<DossierList />} />
      <Route path=":id" element={<DossierPage />} />
      <Route path=":id/portfolio" element={<PortfolioView />} />
      <Route path=":id/beoordeling" element={<ScoringPage />} />
      <Route path=":id/vergelijking" element={<ComparisonPage />} />
      <Route path=":id/oordeel" element={<JudgementPage />} />
      <Route path=":id/gesprek" element={<InterviewPage />} />
      <Route path=":id/verslag" element={<RecordPage />} />
    </Routes>
  );
}
