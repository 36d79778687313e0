import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function ComparisonPage() {
  return <Heading1>ComparisonPage</Heading1>;
}

/** Placeholder until built (issue 14). */
export function JudgementPage() {
  return <Heading1>JudgementPage</Heading1>;
}

/** Placeholder until built (issue 14). */
export function InterviewPage() {
  return <Heading1>InterviewPage</Heading1>;
}

/** Placeholder until built (issue 14). */
export function RecordPage() {
  return <Heading1>RecordPage</Heading1>;
}
