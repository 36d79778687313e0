import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function DossierPage() {
  return <Heading1>DossierPage</Heading1>;
}
