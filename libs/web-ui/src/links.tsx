import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** An in-app link that looks like an NL Design System button. */
export function RouterButtonLink({ to, children, appearance = 'primary' }: { to: string; children: ReactNode; appearance?: 'primary' | 'secondary' | 'subtle' }) {
  return (
    <Link to={to} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`}>
      {children}
    </Link>
  );
}
