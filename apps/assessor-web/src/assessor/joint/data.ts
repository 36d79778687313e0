import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, problemOf, raw } from '../../api/client';
import { dossierKey } from '../model';
import type { AssessorDossier, Comparison, InterviewContent, InterviewOverview, JointRecordView, JudgementContent, PreparationView } from './types';

/** GET as JSON, or the server's problem as an ApiError. */
export async function getJson<T>(path: string): Promise<T> {
  const res = await raw(path);
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** A state-changing call (CSRF added by raw); the answer as JSON (or null for 204). */
export async function send<T>(path: string, method: 'POST' | 'PUT' | 'DELETE', json?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await raw(path, { method, ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) });
  if (!res.ok) throw await problemOf(res);
  return (res.status === 204 ? null : await res.json()) as T;
}

export const keys = {
  dossier: (id: string) => ['assessment', id] as const,
  comparison: (id: string) => ['assessment', id, 'scorings'] as const,
  record: (id: string, kind: 'judgement' | 'interview') => ['assessment', id, kind] as const,
  slots: (id: string) => ['assessment', id, 'slots'] as const,
  preparation: (id: string) => ['assessment', id, 'preparation'] as const,
};

export const recordPath = (id: string, kind: 'judgement' | 'interview') => `/assessments/${id}/${kind === 'judgement' ? 'judgement' : 'interview-record'}`;

export function useDossier(id: string) {
  return useQuery({ queryKey: keys.dossier(id), queryFn: () => getJson<AssessorDossier>(`/assessments/${id}`) });
}

/** Blind: 409 OWN_SCORING_NOT_SUBMITTED until my own scoring is in (not retried). */
export function useComparison(id: string) {
  return useQuery({ queryKey: keys.comparison(id), queryFn: () => getJson<Comparison>(`/assessments/${id}/scorings`), retry: false });
}

/** The joint record; refreshed every 10 s so an edit or agreement of the co-assessor shows up. */
export function useRecord<K extends 'judgement' | 'interview'>(id: string, kind: K, enabled = true) {
  return useQuery({
    queryKey: keys.record(id, kind),
    queryFn: () => getJson<JointRecordView<K extends 'judgement' ? JudgementContent : InterviewContent>>(recordPath(id, kind)),
    retry: false,
    enabled,
    refetchInterval: 10_000,
  });
}

export function useSlots(id: string) {
  return useQuery({ queryKey: keys.slots(id), queryFn: () => getJson<InterviewOverview>(`/assessments/${id}/slots`), refetchInterval: 15_000 });
}

/** The own preparation notes, where the API offers them (404 for an unknown route: left out). */
export function usePreparation(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.preparation(id), queryFn: () => getJson<PreparationView>(`/assessments/${id}/preparation`), retry: false, enabled });
}

export const isCode = (err: unknown, ...codes: string[]) => err instanceof ApiError && codes.includes(err.code);

/** After a step that may change the stage: every answer about this dossier, and the dossier navigation's. */
export async function refreshDossier(client: QueryClient, id: string): Promise<void> {
  await Promise.all([client.invalidateQueries({ queryKey: ['assessment', id] }), client.invalidateQueries({ queryKey: dossierKey(id) }), client.invalidateQueries({ queryKey: ['assessor-dossiers'] })]);
}
