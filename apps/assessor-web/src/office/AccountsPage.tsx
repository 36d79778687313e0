import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function AccountsPage() {
  return <Heading1>AccountsPage</Heading1>;
}
