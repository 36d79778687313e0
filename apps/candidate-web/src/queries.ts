import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, must } from './api/client';
import type { Completeness, DocumentView, Guidance, Portfolio, RegulationsOfPortfolio, SubmissionReceipt } from './api/types';
import { useI18n } from './i18n';

/** Server state, one hook per resource (react-query). Keys: ['portfolios'], ['portfolio', id], … */
export function usePortfolios() {
  return useQuery({ queryKey: ['portfolios'], queryFn: async () => (await must(api.GET('/portfolios'))) as unknown as Portfolio[] });
}

const portfolioQuery = (id: string) => ({
  queryKey: ['portfolio', id],
  queryFn: async () => (await must(api.GET('/portfolios/{id}', { params: { path: { id } } }))) as unknown as Portfolio,
});

const completenessQuery = (id: string, lang: 'nl' | 'en') => ({
  queryKey: ['completeness', id, lang],
  queryFn: async () => (await must(api.GET('/portfolios/{id}/completeness', { params: { path: { id }, query: { lang } } }))) as unknown as Completeness,
});

export function usePortfolio(id: string) {
  return useQuery(portfolioQuery(id));
}

export function useCompleteness(id: string, enabled = true) {
  const { lang } = useI18n();
  return useQuery({ ...completenessQuery(id, lang), enabled, placeholderData: (previous: Completeness | undefined) => previous });
}

/**
 * On a cold start the page's data is asked for at once, beside the session check, instead of
 * one round trip after another (docs/web-frontend.md, speed).
 */
export function prefetchForPath(client: QueryClient, path: string, lang: 'nl' | 'en'): void {
  const match = /^\/portfolio\/([0-9a-f-]{36})(\/|$)/.exec(path);
  if (!match?.[1]) return;
  void client.prefetchQuery(portfolioQuery(match[1]));
  void client.prefetchQuery(completenessQuery(match[1], lang));
}

export function useGuidance() {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['guidance', lang],
    queryFn: async () => (await must(api.GET('/guidance', { params: { query: { lang } } }))) as unknown as Guidance,
    staleTime: Infinity,
  });
}

export function useDocuments() {
  return useQuery({ queryKey: ['documents'], queryFn: async () => (await must(api.GET('/documents'))) as unknown as DocumentView[] });
}

export function usePortfolioRegulations(id: string) {
  return useQuery({
    queryKey: ['regulations', id],
    queryFn: async () => (await must(api.GET('/portfolios/{id}/regulations', { params: { path: { id } } }))) as unknown as RegulationsOfPortfolio,
  });
}

/** The frozen submission (its hash), once the portfolio is no longer a draft. */
export function useSubmission(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['submission', id],
    enabled,
    queryFn: async () => (await must(api.GET('/portfolios/{id}/submission', { params: { path: { id } } }))) as unknown as SubmissionReceipt,
  });
}
