import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function ScoringPage() {
  return <Heading1>ScoringPage</Heading1>;
}
