import { useQuery } from '@tanstack/react-query';
import { api, must } from './api/client';
import type { Completeness, DocumentView, Guidance, Portfolio, RegulationsOfPortfolio } from './api/types';
import { useI18n } from './i18n';

/** Server state, one hook per resource (react-query). Keys: ['portfolios'], ['portfolio', id], … */
export function usePortfolios() {
  return useQuery({ queryKey: ['portfolios'], queryFn: async () => (await must(api.GET('/portfolios'))) as unknown as Portfolio[] });
}

export function usePortfolio(id: string) {
  return useQuery({
    queryKey: ['portfolio', id],
    queryFn: async () => (await must(api.GET('/portfolios/{id}', { params: { path: { id } } }))) as unknown as Portfolio,
  });
}

export function useCompleteness(id: string, enabled = true) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['completeness', id, lang],
    enabled,
    queryFn: async () => (await must(api.GET('/portfolios/{id}/completeness', { params: { path: { id }, query: { lang } } }))) as unknown as Completeness,
    placeholderData: (previous) => previous,
  });
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
