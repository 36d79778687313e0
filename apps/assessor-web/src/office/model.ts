import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { Schemas } from '../api/types';

/*
 * The office's dossier data. `GET /admin/dossiers(/:id)` and the eligible-assessors route are not
 * typed in the generated client yet; these local types follow the services (AssignmentService,
 * DecisionService, InterviewService) and are to be replaced by the generated schemas once the
 * routes document their answers.
 */

export type DossierStatus = 'draft' | 'submitted' | 'in_assessment' | 'judged' | 'interview_planned' | 'interview_held' | 'decided';
export type ScoringState = 'not_started' | 'in_progress' | 'submitted';
export type ConflictReason = 'CANDIDATE_THEMSELF' | 'SAME_ORGANISATION' | 'DECLARED_RELATION';
export type Verdict = 'aangetoond' | 'niet_aangetoond' | 'te_bevragen';
export type Outcome = Schemas['DecisionDto']['outcome'];

export interface ScoringProgress {
  state: ScoringState;
  since: string;
}

export interface DossierSummary {
  portfolioId: string;
  candidateId: string;
  candidateName: string;
  status: DossierStatus;
  submittedAt: string | null;
  activeAssessors: number;
  /** Absent until the API lists them (issue 14, A1). */
  assessors?: Array<{ assessorId: string; assessorName: string; scoring: ScoringProgress | null }>;
}

export interface AssignmentView {
  id: string;
  assessorId: string;
  assessorName: string;
  status: 'active' | 'declined';
  assignedAt: string;
  independenceDeclaredAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  scoring?: ScoringProgress | null;
}

export interface EligibleAssessor {
  id: string;
  displayName: string;
  role: string;
  organisation: string | null;
  conflicts: ConflictReason[];
  assigned: boolean;
  declined: boolean;
}

export interface AgendaItem {
  criterion: string;
  label: { nl: string; en: string };
  reasons: Array<'disagreement' | 'te_bevragen'>;
  verdicts: Verdict[];
  questions: string[];
}

export interface JudgementContent {
  criteria: Record<string, { verdict: Verdict; motivation: string | null }>;
  agenda: AgendaItem[];
}

export interface InterviewContent {
  findings: Record<string, string>;
  advice: 'positive' | 'negative' | null;
  motivation: string | null;
}

export interface SlotView {
  id: string;
  startsAt: string;
  durationMinutes: number;
  locationKind: 'online' | 'address';
  location: string;
}

export interface DecisionView {
  id: string;
  portfolioId: string;
  outcome: Outcome;
  motivation: string | null;
  decidedAt: string;
  decidedBy: string;
  nextPortfolioId: string | null;
  register: { certificateNumber: string; holderName: string; startsOn: string; validUntil: string } | null;
}

export interface DossierDetailView extends DossierSummary {
  previousPortfolioId: string | null;
  assignments: AssignmentView[];
  judgement: { content: JudgementContent; finalAt: string } | null;
  interview: { booking: { slot: SlotView; status: string } | null } | null;
  interviewRecord: { content: InterviewContent; finalAt: string } | null;
  decision: DecisionView | null;
}

/** The five stages the office follows a dossier through. */
export const STAGES = ['waiting', 'assessment', 'interview', 'decision', 'decided'] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(d: Pick<DossierSummary, 'status' | 'activeAssessors'>): Stage {
  switch (d.status) {
    case 'draft':
    case 'submitted':
      return 'waiting';
    case 'in_assessment':
      return d.activeAssessors < 2 ? 'waiting' : 'assessment';
    case 'judged':
    case 'interview_planned':
      return 'interview';
    case 'interview_held':
      return 'decision';
    case 'decided':
      return 'decided';
  }
}

/** Whole days from `iso` until now (the browser's clock), never negative. */
export function daysSince(iso: string | null, now = Date.now()): number | null {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now - t) / 86_400_000));
}

export const ASSIGNABLE: readonly DossierStatus[] = ['submitted', 'in_assessment'];

/** One page of the office list (ADR 0027); `stageCounts` on the first page only. */
export interface DossierPage {
  dossiers: DossierSummary[];
  nextCursor: string | null;
  stageCounts: Record<Stage, number> | null;
}

/** Rows per page of the dossier list. */
export const DOSSIER_PAGE = 50;

/** The office list, one stage or all, longest waiting first; more pages on request. */
export function useDossiers(stage: Stage | null) {
  return useInfiniteQuery({
    queryKey: ['office', 'dossiers', stage ?? 'all'],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await must(api.GET('/admin/dossiers', { params: { query: { limit: DOSSIER_PAGE, ...(stage ? { stage } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } }))) as unknown as DossierPage,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: ['office', 'dossier', id],
    queryFn: async () => (await must(api.GET('/admin/dossiers/{id}', { params: { path: { id } } }))) as unknown as DossierDetailView,
  });
}

export function useEligible(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['office', 'eligible', id],
    enabled,
    queryFn: async () => (await must(api.GET('/admin/dossiers/{id}/eligible-assessors', { params: { path: { id } } }))) as unknown as EligibleAssessor[],
  });
}

export type Account = Schemas['Account'];

export function useAccounts() {
  return useQuery({
    queryKey: ['office', 'accounts'],
    queryFn: async () => (await must(api.GET('/admin/accounts', {}))) as Account[],
  });
}
