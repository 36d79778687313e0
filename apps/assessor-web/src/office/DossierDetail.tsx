import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function DossierDetail() {
  return <Heading1>DossierDetail</Heading1>;
}
