/**
 * The shapes of the joint-work answers of the assessor API, as this area uses them. Written by
 * hand while the generated client (api/assessor-api.d.ts) still lacks their response schemas;
 * they follow libs/assessment (scoring.service, joint-record.service, interview.service).
 */
export type Verdict = 'aangetoond' | 'niet_aangetoond' | 'te_bevragen';
export const VERDICTS: readonly Verdict[] = ['aangetoond', 'niet_aangetoond', 'te_bevragen'];

export interface LocalizedText {
  nl: string;
  en: string;
}

export interface CriterionScore {
  verdict: Verdict;
  motivation: string | null;
  questions: string[];
}

export interface AgendaItem {
  criterion: string;
  label: LocalizedText;
  reasons: Array<'disagreement' | 'te_bevragen'>;
  verdicts: Verdict[];
  questions: string[];
}

export interface Comparison {
  own: { submittedAt: string; scores: Record<string, CriterionScore> };
  other: { assessorName: string; submittedAt: string; scores: Record<string, CriterionScore> } | null;
  comparison: Array<{ criterion: string; label: LocalizedText; verdicts: Verdict[]; agree: boolean }> | null;
  agenda: AgendaItem[] | null;
}

export interface Problem {
  path: string;
  code: string;
  message: string;
}

export interface JointVerdict {
  verdict: Verdict;
  motivation: string | null;
}

export interface JudgementContent {
  criteria: Record<string, JointVerdict>;
  agenda: AgendaItem[];
}

export interface InterviewContent {
  findings: Record<string, string>;
  advice: 'positive' | 'negative' | null;
  motivation: string | null;
}

export interface AgreementView {
  assessorId: string;
  complete: boolean;
  agreed: string[];
  pending: string[];
}

export interface JointRecordView<C> {
  kind: 'judgement' | 'interview';
  version: number;
  etag: string;
  content: C;
  agreedBy: string[];
  agreements: AgreementView[];
  finalAt: string | null;
  missing: Problem[];
  prefilled: string[];
}

export interface SlotView {
  id: string;
  startsAt: string;
  endsAt: string;
  startsAtLocal: string;
  local: { date: string; time: string; timeZone: 'Europe/Amsterdam' };
  durationMinutes: number;
  locationKind: 'online' | 'address';
  location: string;
  status: 'offered' | 'booked' | 'withdrawn' | 'assessor_busy';
}

export interface MissedView {
  kind: 'no_show' | 'late_cancellation';
  absentParty: 'candidate' | 'assessor';
  absentAssessorId: string | null;
  reason: string;
  next: 'new_slots' | 'advise';
  recordedAt: string;
  recordedBy: string;
}

export interface BookingView {
  id: string;
  slot: Omit<SlotView, 'status'>;
  status: 'booked' | 'cancelled';
  sequence: number;
  bookedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  missed?: MissedView | null;
}

export interface InterviewOverview {
  slots: SlotView[];
  booking: BookingView | null;
  missed?: BookingView[];
}

export interface AssessorDossier {
  portfolioId: string;
  status: string;
  candidate: { name: string; organisation: string | null };
  ownScoringSubmittedAt: string | null;
  independenceDeclaredAt: string | null;
}

export interface PreparationView {
  version: number;
  etag: string;
  notes: Record<string, string>;
  updatedAt: string | null;
  agenda: AgendaItem[];
  shared: boolean;
  other: { assessorId: string; assessorName: string; notes: Record<string, string>; updatedAt: string | null } | null;
}
