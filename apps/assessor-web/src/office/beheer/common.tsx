import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useI18n } from '../../i18n';

export type RegulationType = Schemas['RegulationAdminVersion']['type'];
export const REGULATION_TYPES: readonly RegulationType[] = ['reglement', 'gedragscode', 'klachtenreglement'];

export function isRegulationType(value: string | undefined): value is RegulationType {
  return (REGULATION_TYPES as readonly string[]).includes(value ?? '');
}

/** Every account, to name the people in the audit trail and in the office's lists. */
export function useAccounts() {
  return useQuery({ queryKey: ['admin', 'accounts'], queryFn: () => must(api.GET('/admin/accounts')), staleTime: 60_000 });
}

/** A name for an account id: the display name when known, else the id (never nothing). */
export function useAccountName(): (id: string | null | undefined) => string {
  const accounts = useAccounts();
  const { t } = useI18n();
  return (id) => {
    if (!id) return t('bh_systemActor');
    const a = accounts.data?.find((x) => x.id === id);
    return a ? a.displayName : id;
  };
}

/** A refusal or failure of an action, announced (role="alert"), in the chosen language. */
export function ActionError({ error }: { error: unknown }) {
  const { t, message } = useI18n();
  if (!error) return null;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{error instanceof ApiError ? message(error.message) : t('error')}</Paragraph>
    </Alert>
  );
}

/** "Back to …" above a sub-page's heading. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p className="rlp-beheer-back">
      <Link to={to} className="utrecht-link">
        <span aria-hidden="true">← </span>
        {children}
      </Link>
    </p>
  );
}

/** A status in words with a sign, so it never rests on colour. */
export function StatusTag({ kind, children }: { kind: 'draft' | 'published' | 'current' | 'superseded' | 'default' | 'test'; children: string }) {
  const sign = kind === 'draft' ? '✎' : kind === 'superseded' ? '○' : kind === 'test' ? '⚠' : '✓';
  return (
    <span className={`rlp-beheer-tag rlp-beheer-tag--${kind}`}>
      <span aria-hidden="true">{sign} </span>
      {children}
    </span>
  );
}
