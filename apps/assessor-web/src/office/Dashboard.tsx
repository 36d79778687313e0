import { Heading1 } from '@utrecht/component-library-react';

/** Placeholder until built (issue 14). */
export function Dashboard() {
  return <Heading1>Dashboard</Heading1>;
}
