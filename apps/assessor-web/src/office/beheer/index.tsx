import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function RegulationsPage() {
  return <Heading1>RegulationsPage</Heading1>;
}

/** Placeholder until built (issue 14). */
export function RulebooksPage() {
  return <Heading1>RulebooksPage</Heading1>;
}

/** Placeholder until built (issue 14). */
export function AuditPage() {
  return <Heading1>AuditPage</Heading1>;
}
