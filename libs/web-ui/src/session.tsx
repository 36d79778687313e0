import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError, problemOf, raw } from './api';
import { clearDrafts } from './drafts';
import { Loading } from './status';
import { TwoFactorEnrolment } from './two-factor';

/** What every portal knows of the logged-in person (`GET /auth/me`, the same on both apps). */
export interface SessionAccount {
  id: string;
  email: string;
  displayName: string;
  role: 'candidate' | 'assessor' | 'admin';
  /** ADR 0021: enrolmentRequired — this session may only enrol in two-factor authentication. */
  twoFactor?: { enabled: boolean; required: boolean; enrolmentRequired: boolean; recoveryCodesLeft: number };
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** The logged-in account (from the session cookie), or null. */
export function useSession<A extends SessionAccount = SessionAccount>() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<A | null> => {
      try {
        return await json<A>(await raw('/auth/me'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  const client = useQueryClient();
  const logout = useCallback(async () => {
    try {
      const res = await raw('/auth/logout', { method: 'POST' });
      if (!res.ok && res.status !== 401) throw await problemOf(res);
    } finally {
      // Unsaved drafts are personal: the next person on this browser must not find them.
      clearDrafts(globalThis.localStorage, query.data?.id ?? null);
      client.clear();
      client.setQueryData(['me'], null);
    }
  }, [client, query.data]);
  return { account: query.data ?? null, loading: query.isLoading, error: query.error, logout };
}

/** A path on this site to return to after login, or null (never another origin). */
export function sameOriginPath(back: string | null): string | null {
  if (!back || !back.startsWith('/')) return null;
  try {
    const url = new URL(back, window.location.origin);
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

/** Logs in for a browser (HttpOnly cookie + CSRF token, ADR 0013) and returns to where the person was going. */
export function useLogin() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async (email: string, password: string, secondFactor: { totpCode?: string; recoveryCode?: string } = {}) => {
    await json<{ account: SessionAccount }>(await raw('/auth/session', { method: 'POST', json: { email, password, ...secondFactor } }));
    // The whole account with its two-factor state (an assessor without it may only enrol first).
    const me = await json<SessionAccount>(await raw('/auth/me'));
    client.setQueryData(['me'], me);
    navigate(sameOriginPath(params.get('terug')) ?? '/', { replace: true });
    return me;
  };
}

/** Renders its children only for a logged-in person (of one of the roles, if given). */
export function RequireLogin({ children, roles, denied }: { children: ReactNode; roles?: ReadonlyArray<SessionAccount['role']>; denied?: ReactNode }) {
  const { account, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!account) return <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !roles.includes(account.role)) return <>{denied ?? null}</>;
  // An assessor or admin without two-factor authentication sees nothing but the enrolment (ADR 0021).
  if (account.twoFactor?.enrolmentRequired) return <EnrolFirst />;
  return <>{children}</>;
}

function EnrolFirst() {
  const client = useQueryClient();
  return <TwoFactorEnrolment required onDone={() => void client.invalidateQueries({ queryKey: ['me'] })} />;
}
