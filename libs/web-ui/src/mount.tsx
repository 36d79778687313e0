import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './theme.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api';

/** Server state for a portal: a 4xx answer will not change by asking again; a network hiccup may. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

/** Renders a portal into #root: the NL Design System CSS and our theme, queries, i18n, router. */
export function mountPortal(app: ReactNode, I18nProvider: ComponentType<{ children: ReactNode }>, queries: QueryClient = createQueryClient()): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <I18nProvider>
          <BrowserRouter>{app}</BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
