import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function DossierList() {
  return <Heading1>DossierList</Heading1>;
}
