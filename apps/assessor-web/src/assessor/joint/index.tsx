/** Comparing, the joint judgement, the interview and its record (issue 14). */
import './joint.css';
export { ComparisonPage } from './ComparisonPage';
export { JudgementPage } from './JudgementPage';
export { InterviewPage } from './InterviewPage';
export { RecordPage } from './RecordPage';
