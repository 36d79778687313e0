import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function PortfolioView() {
  return <Heading1>PortfolioView</Heading1>;
}
