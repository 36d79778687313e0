import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, problemOf, raw } from '../api/client';

/**
 * The answers the assessor's screens read. Written here while the assessor API's responses are
 * still being typed (the generated client has them untyped); the shapes follow
 * libs/assessment (AssessorDossier, ScoringView) and libs/portfolio (SubmissionView).
 */
export type Verdict = 'aangetoond' | 'niet_aangetoond' | 'te_bevragen';
export const VERDICTS: readonly Verdict[] = ['aangetoond', 'niet_aangetoond', 'te_bevragen'];

export type Stage = 'draft' | 'submitted' | 'in_assessment' | 'judged' | 'interview_planned' | 'interview_held' | 'decided';

export interface Bilingual {
  nl: string;
  en: string;
}

export interface AssessorDossier {
  portfolioId: string;
  status: Stage;
  stage?: Bilingual;
  candidate: { name: string; organisation: string | null };
  submittedAt: string | null;
  assignedAt: string;
  independenceDeclaredAt: string | null;
  ownScoringSubmittedAt: string | null;
}

export interface ScoreableCriterion {
  code: string;
  part: string;
  label: Bilingual;
}

export interface CriterionScore {
  verdict: Verdict;
  motivation: string | null;
  questions: string[];
}

export interface Problem {
  path: string;
  code: string;
  message: string;
}

export interface ScoringView {
  version: number;
  etag: string;
  submittedAt: string | null;
  scores: Record<string, CriterionScore>;
  criteria: ScoreableCriterion[];
  missing: Problem[];
}

export interface SubmissionDocument {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number | string;
  sha256: string;
}

export interface FrozenPortfolio {
  id: string;
  portfolioId: string;
  submittedAt: string;
  rulebookVersion: string;
  regulationVersions: Record<string, number>;
  documents: SubmissionDocument[];
  contentHash: string;
  contentHashValid: boolean;
  document: Record<string, unknown>;
}

export interface Finding {
  code: string;
  severity: 'blocking' | 'warning';
  part: string;
  path: string;
  message: Bilingual;
  section: string | null;
}

export interface SubmissionFindings {
  rulebookVersion: string;
  referenceDate: string;
  complete: boolean;
  findings: Finding[];
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
  filename: string;
  contentType: string;
}

/** The guidance of one language (GET /guidance?lang=), only the parts these screens show. */
export interface Guidance {
  parts: Record<string, { title: string; intro: readonly string[]; scored: boolean }>;
  cases: {
    tasks: ReadonlyArray<{ id: string; title: string; indicators: readonly string[]; handreiking: readonly string[] }>;
    knowledge: { items: ReadonlyArray<{ id: string; title: string; indicators: readonly string[]; examples: readonly string[] }> };
    competences: { items: ReadonlyArray<{ id: string; title: string; definition: string; indicators: readonly string[] }> };
    attitude: { criteria: ReadonlyArray<{ id: string; title: string; description: string; question: string }> };
  };
  developmentPlan?: { questions: ReadonlyArray<{ id: string; text: string }> };
  education?: { routes: ReadonlyArray<{ id: string; criterion: string }> };
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await raw(path);
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await raw(path, { method: 'POST', json: body, headers });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

export const dossierKey = (id: string) => ['assessor-dossier', id] as const;

/** One page of my dossiers (ADR 0027). */
export interface AssessorDossierPage {
  dossiers: AssessorDossier[];
  nextCursor: string | null;
}

/** Rows per page of my dossier list. */
export const MY_DOSSIERS_PAGE = 50;

/** My dossiers in the order they were assigned; more pages on request. */
export function useMyDossiers() {
  return useInfiniteQuery({
    queryKey: ['assessor-dossiers'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => getJson<AssessorDossierPage>(`/assessments?limit=${MY_DOSSIERS_PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDossier(id: string) {
  return useQuery({ queryKey: dossierKey(id), queryFn: () => getJson<AssessorDossier>(`/assessments/${id}`) });
}

export function usePortfolio(id: string, enabled = true) {
  return useQuery({ queryKey: ['assessor-portfolio', id], queryFn: () => getJson<FrozenPortfolio>(`/assessments/${id}/portfolio`), enabled, staleTime: Infinity });
}

export function useFindings(id: string, enabled = true) {
  return useQuery({ queryKey: ['assessor-findings', id], queryFn: () => getJson<SubmissionFindings>(`/assessments/${id}/findings`), enabled, staleTime: Infinity });
}

export function useGuidance(lang: 'nl' | 'en', rulebook: string | undefined) {
  return useQuery({
    queryKey: ['assessor-guidance', lang, rulebook],
    queryFn: () => getJson<Guidance>(`/guidance?lang=${lang}${rulebook ? `&rulebook=${encodeURIComponent(rulebook)}` : ''}`),
    enabled: rulebook !== undefined,
    staleTime: Infinity,
  });
}

/** The own scoring's submitted state only (never the co-assessor's): for the navigation. */
export function isIndependenceMissing(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'INDEPENDENCE_NOT_DECLARED';
}

/** What the assessor must do next on a dossier, from their own state and the stage only (blind). */
export type NextStep = 'declare' | 'score' | 'compare' | 'judge' | 'slots' | 'interview' | 'record' | 'none';

export function nextStep(d: AssessorDossier): NextStep {
  if (!d.independenceDeclaredAt) return 'declare';
  switch (d.status) {
    case 'submitted':
    case 'in_assessment':
      return d.ownScoringSubmittedAt ? 'compare' : 'score';
    case 'judged':
      return 'slots';
    case 'interview_planned':
      return 'interview';
    case 'interview_held':
    case 'decided':
    case 'draft':
      return 'none';
  }
}

/** Where a next step is done. */
export function nextStepPath(id: string, step: NextStep): string {
  const paths: Record<NextStep, string> = {
    declare: `/dossiers/${id}`,
    score: `/dossiers/${id}/beoordeling`,
    compare: `/dossiers/${id}/vergelijking`,
    judge: `/dossiers/${id}/oordeel`,
    slots: `/dossiers/${id}/gesprek`,
    interview: `/dossiers/${id}/gesprek`,
    record: `/dossiers/${id}/verslag`,
    none: `/dossiers/${id}`,
  };
  return paths[step];
}
