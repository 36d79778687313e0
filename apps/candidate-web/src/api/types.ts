/**
 * Shapes of the API answers the portal reads. The request side is typed by the generated client
 * (candidate-api.d.ts); these name the parts of answers the screens use.
 */
export type Part = 'A' | 'B1' | 'B2' | 'C' | 'D' | 'E';
export const PARTS: readonly Part[] = ['A', 'B1', 'B2', 'C', 'D', 'E'];

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: string;
  organisation: string | null;
}

export interface SectionState {
  section: string;
  part: string;
  version: number;
  etag: string;
  updatedAt: string;
}

export interface Portfolio {
  id: string;
  status: string;
  rulebookVersion: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  revision: string;
  sections: SectionState[];
}

export interface Finding {
  code: string;
  severity: 'blocking' | 'warning';
  part: Part;
  path: string;
  text?: string;
  message: { nl: string; en: string };
  section: string | null;
}

export interface Completeness {
  complete: boolean;
  referenceDate: string;
  findings: Finding[];
  progress: {
    parts: Record<Part, { done: number; total: number }>;
    taskCoverage: Array<{ task: string; described: boolean; cells: Array<{ caseIndex: number; status: string; motivated: boolean | null }> }>;
    knowledgeAreas: { covered: string[]; minCovered: number; missingMandatory: string[]; satisfied: boolean };
    competences: { covered: string[]; minCovered: number; missingMandatory: string[]; satisfied: boolean };
    courses: { hoursCounted: number; hoursRequired: number } | null;
    countsUntil?: Array<{ path: string; countsUntil: string; daysLeft: number }>;
  };
  regulationVersions: Record<string, number>;
}

export interface DocumentView {
  id: string;
  status: 'pending' | 'verified' | 'rejected';
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string | null;
  rejectionCode: string | null;
  createdAt: string;
  verifiedAt: string | null;
}

export interface UploadTicket {
  document: DocumentView;
  upload: { method: 'PUT'; url: string; headers: Record<string, string>; expiresAt: string; maxBytes: number };
}

export interface TaskGuidance {
  id: string;
  title: string;
  indicators: string[];
  handreiking: string[];
  koppeling: { knowledgeAreas: Array<{ id: string; title: string }>; competences: Array<{ id: string; title: string }> };
}

export interface Guidance {
  parts: Record<string, { title: string; intro: string[] }>;
  education: { intro: string[]; routes: Array<{ id: string; criterion: string }> };
  workExperience: { intro: string[] };
  cvAndMotivation: { intro: string[] };
  developmentPlan: { intro: string[]; questions: Array<{ id: string; text: string }> };
  declarations: Array<{ key: string; text: string; versioned: boolean }>;
  cases: {
    intro: string[];
    /** Tasks every trajectory describes (C.TRAJECTORY); "not relevant" is for the others. */
    trajectory?: { coreTasks: string[]; explanation?: string };
    processIntro: string[];
    tasks: TaskGuidance[];
    knowledge: { intro: string[]; areas?: Array<{ id: string; title: string; indicators?: string[] }> } & Record<string, unknown>;
    competences: { intro: string[]; items?: Array<{ id: string; title: string; indicators?: string[] }> } & Record<string, unknown>;
    attitude: { intro: string[]; criteria: Array<{ id: string; title: string; description?: string }> };
  };
}

export interface RegulationState {
  type: string;
  accepted: boolean;
  acceptedVersion: number | null;
  currentVersion: number;
  stale: boolean;
  changeSummary?: string | null;
  changes?: Array<{ version: number; title: string; effectiveFrom: string | null; changeSummary: string | null }>;
  diff?: Array<{ op: 'same' | 'added' | 'removed'; text: string }>;
}

export interface RegulationsOfPortfolio {
  portfolioId: string;
  submitted: boolean;
  regulationVersions: Record<string, number>;
  regulations: RegulationState[];
}
