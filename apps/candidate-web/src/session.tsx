import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, must, api } from './api/client';
import type { Account } from './api/types';

/** The logged-in account (from the session cookie), or null. */
export function useSession() {
  const query = useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Account | null> => {
      try {
        return (await must(api.GET('/auth/me'))) as unknown as Account;
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
      await must(api.POST('/auth/logout'));
    } finally {
      client.clear();
      client.setQueryData(['me'], null);
    }
  }, [client]);
  return { account: query.data ?? null, loading: query.isLoading, error: query.error, logout };
}
