import {
  PARTS,
  type Casus,
  type EducationEvidence,
  type EvaluationReport,
  type EvidenceKind,
  type Finding,
  type Part,
  type PortfolioDocument,
  type Rulebook,
  type TaskCoverageCell,
} from '@rlp/rulebook';

/**
 * Turns a portfolio, its rulebook and its evaluation report into the plain view the templates
 * print. Every label and heading that the rulebook defines comes from the rulebook; everything the
 * candidate wrote is passed through as plain text and escaped by the templates.
 */

export interface AttachedDocument {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface PortfolioPdfInput {
  kind: 'draft' | 'submission';
  /** ISO timestamp (UTC); printed in Europe/Amsterdam time. */
  generatedAt: string;
  candidate: { displayName: string; email: string };
  portfolioId: string;
  document: PortfolioDocument;
  /** The rulebook the document is written against: source of every heading and label. */
  rulebook: Rulebook;
  report: EvaluationReport;
  documents: ReadonlyArray<AttachedDocument>;
  submission?: { submittedAt: string; contentHash: string; rulebookVersion: string; regulationVersions: Record<string, number> };
}

export const PORTFOLIO_TITLE = 'Portfolio Register Loopbaanprofessional';
export const DRAFT_STATUS = 'Concept — niet ingediend';

// ------------------------------------------------------------------ formatting

const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const CALENDAR = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const SIZE = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** '2026-11-23T13:05:00Z' → '23 november 2026 om 14:05 CET' (Europe/Amsterdam). */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : AMSTERDAM.format(date);
}

/** '2026-03-02' → '2 maart 2026'; anything else is shown as it is. */
export function formatCalendarDate(isoDate: string | null | undefined): string | null {
  if (isoDate === undefined || isoDate === null || isoDate === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? isoDate : CALENDAR.format(date);
}

/** 532 → '532 B', 48_213 → '47,1 KB', 3_400_000 → '3,2 MB' (binary units). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${NUMBER.format(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${SIZE.format(value)} ${units[unit] ?? 'TB'}`;
}

function yesNo(value: boolean | undefined | null): string {
  if (value === true) return 'ja';
  if (value === false) return 'nee';
  return 'niet ingevuld';
}

/** Candidate text, or null when empty (templates then print a placeholder). */
function text(value: string | undefined | null): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

// ------------------------------------------------------------------ view types

export interface Row {
  readonly label: string;
  readonly value: string | null;
  /** Long candidate text: printed with its line breaks. */
  readonly long: boolean;
}

const row = (label: string, value: string | null | undefined, long = false): Row => ({ label, value: value ?? null, long });

export interface TocEntry {
  readonly anchor: string;
  readonly label: string;
  readonly children: readonly TocEntry[];
}

export interface PortfolioView {
  readonly title: string;
  readonly isDraft: boolean;
  readonly statusText: string;
  readonly candidate: { readonly displayName: string; readonly email: string };
  readonly portfolioId: string;
  readonly generatedAt: string;
  readonly rulebook: { readonly id: string; readonly title: string; readonly titleEn: string };
  readonly submission: null | {
    readonly submittedAt: string;
    readonly contentHash: string;
    readonly rulebookVersion: string;
    readonly regulations: readonly { readonly label: string; readonly version: number }[];
  };
  readonly toc: readonly TocEntry[];
  readonly partA: PartAView;
  readonly partB1: PartB1View;
  readonly partB2: PartB2View;
  readonly partC: PartCView;
  readonly matrix: MatrixView;
  readonly partD: PartDView;
  readonly partE: PartEView;
  readonly attachments: AttachmentsView;
  readonly missing: MissingView | null;
}

interface Heading {
  readonly anchor: string;
  readonly title: string;
  readonly titleEn: string;
}

export interface PartAView extends Heading {
  readonly route: null | { readonly id: string; readonly criterion: string; readonly known: boolean };
  readonly courseHours: string | null;
  readonly evidence: readonly {
    readonly heading: string;
    readonly rows: readonly Row[];
    readonly attested: readonly Row[];
    readonly counts: string | null;
    readonly reasons: readonly string[];
  }[];
}

export interface PartB1View extends Heading {
  readonly declarations: readonly { readonly heading: string; readonly criterion: string; readonly rows: readonly Row[] }[];
}

export interface PartB2View extends Heading {
  readonly cv: { readonly heading: string; readonly attached: boolean; readonly value: string };
  readonly motivation: { readonly heading: string; readonly hint: string; readonly text: string | null };
}

export interface CaseView {
  readonly anchor: string;
  readonly heading: string;
  readonly rows: readonly Row[];
  readonly tasks: readonly { readonly heading: string; readonly status: string; readonly statusClass: string; readonly text: string | null }[];
  readonly knowledge: readonly { readonly heading: string; readonly text: string }[];
  readonly competences: readonly { readonly heading: string; readonly text: string }[];
  readonly attitude: readonly { readonly heading: string; readonly question: string; readonly answer: string | null }[];
}

export interface PartCView extends Heading {
  readonly cases: readonly CaseView[];
}

export interface MatrixView extends Heading {
  readonly columns: readonly { readonly label: string; readonly title: string | null }[];
  readonly rows: readonly {
    readonly task: string;
    readonly title: string;
    readonly cells: readonly { readonly mark: string; readonly label: string; readonly cls: string }[];
    readonly described: string;
  }[];
}

export interface PartDView extends Heading {
  readonly questions: readonly { readonly heading: string; readonly answer: string | null }[];
}

export interface PartEView extends Heading {
  readonly declarations: readonly { readonly text: string; readonly rows: readonly Row[] }[];
}

export interface AttachmentsView extends Heading {
  readonly documents: readonly { readonly filename: string; readonly contentType: string; readonly size: string; readonly sha256: string }[];
}

export interface MissingView extends Heading {
  readonly complete: boolean;
  readonly groups: readonly { readonly title: string; readonly messages: readonly string[] }[];
  readonly warnings: readonly { readonly title: string; readonly messages: readonly string[] }[];
}

// ------------------------------------------------------------------ building

const ANCHORS = {
  A: 'part-a',
  B1: 'part-b1',
  B2: 'part-b2',
  C: 'part-c',
  matrix: 'task-matrix',
  D: 'part-d',
  E: 'part-e',
  attachments: 'attachments',
  missing: 'missing',
} as const;

const caseAnchor = (index: number): string => `case-${index + 1}`;

export function portfolioView(input: PortfolioPdfInput): PortfolioView {
  const { rulebook, document } = input;
  const isDraft = input.kind === 'draft';
  const heading = (part: Part): Heading => ({ anchor: ANCHORS[part], title: rulebook.parts[part].title.nl, titleEn: rulebook.parts[part].title.en });
  const cases = document.cases ?? [];
  const partC: PartCView = { ...heading('C'), cases: cases.map((c, i) => caseView(input, c, i)) };
  const submission = input.kind === 'submission' && input.submission !== undefined ? input.submission : undefined;

  const view: Omit<PortfolioView, 'toc'> = {
    title: PORTFOLIO_TITLE,
    isDraft,
    statusText: submission !== undefined ? `Ingediend op ${formatTimestamp(submission.submittedAt)}` : isDraft ? DRAFT_STATUS : 'Ingediend',
    candidate: { displayName: input.candidate.displayName, email: input.candidate.email },
    portfolioId: input.portfolioId,
    generatedAt: formatTimestamp(input.generatedAt),
    rulebook: { id: rulebook.id, title: rulebook.title.nl, titleEn: rulebook.title.en },
    submission:
      submission === undefined
        ? null
        : {
            submittedAt: formatTimestamp(submission.submittedAt),
            contentHash: submission.contentHash,
            rulebookVersion: submission.rulebookVersion,
            regulations: Object.entries(submission.regulationVersions)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([label, version]) => ({ label, version })),
          },
    partA: partAView(input, heading('A')),
    partB1: partB1View(input, heading('B1')),
    partB2: partB2View(input, heading('B2')),
    partC,
    matrix: matrixView(input),
    partD: {
      ...heading('D'),
      questions: rulebook.developmentPlan.questions.map((q) => ({
        heading: `${q.id}. ${q.text.nl}`,
        answer: text(document.developmentPlan?.answers?.[q.id]),
      })),
    },
    partE: partEView(input, heading('E')),
    attachments: {
      anchor: ANCHORS.attachments,
      title: 'Bijlagen',
      titleEn: 'Attachments',
      documents: input.documents.map((d) => ({ filename: d.filename, contentType: d.contentType, size: formatBytes(d.sizeBytes), sha256: d.sha256 })),
    },
    missing: isDraft ? missingView(input) : null,
  };

  const entry = (h: Heading, children: readonly TocEntry[] = []): TocEntry => ({ anchor: h.anchor, label: h.title, children });
  const toc: TocEntry[] = [
    entry(view.partA),
    entry(view.partB1),
    entry(view.partB2),
    entry(
      partC,
      partC.cases.map((c) => ({ anchor: c.anchor, label: c.heading, children: [] })),
    ),
    entry(view.matrix),
    entry(view.partD),
    entry(view.partE),
    entry(view.attachments),
  ];
  if (view.missing !== null) toc.push(entry(view.missing));
  return { ...view, toc };
}

function documentName(input: PortfolioPdfInput, documentId: string | undefined): string {
  if (documentId === undefined || documentId === '') return 'geen document bijgevoegd';
  const found = input.documents.find((d) => d.id === documentId);
  return found === undefined ? `document niet gevonden (${documentId})` : found.filename;
}

const DIPLOMA_LEVELS: Record<string, string> = { hbo: 'hbo (NLQF 6)', wo: 'wo (NLQF 7)', other: 'anders' };
const KIND_FALLBACK: Record<EvidenceKind, string> = {
  diploma: 'Diploma',
  courseCertificate: 'Certificaat of bewijs van deelname',
  evcReport: 'EVC-rapportage',
  assessmentReport: 'Assessmentrapportage',
  accreditedProgrammeCertificate: 'Certificaat geaccrediteerde opleiding',
};

function partAView(input: PortfolioPdfInput, heading: Heading): PartAView {
  const { rulebook, document, report } = input;
  const routeId = document.education?.route;
  const route = routeId === undefined ? undefined : rulebook.education.routes.find((r) => r.id === routeId);
  // The chosen route's requirements first, so its wording wins; then every other route's.
  const requirements = [...(route?.evidence ?? []), ...rulebook.education.routes.flatMap((r) => r.evidence)];
  const progressDocs = report.progress.education.requirements.flatMap((r) => r.documents);

  const evidence = (document.education?.evidence ?? []).map((e: EducationEvidence, index) => {
    const kindRequirements = requirements.filter((r) => r.kind === e.kind);
    const kindLabel = kindRequirements[0]?.deliverable.nl ?? KIND_FALLBACK[e.kind] ?? e.kind;
    const rows: Row[] = [
      row('Soort document', kindLabel),
      row('Titel', text(e.title)),
      row('Uitgegeven door', text(e.issuedBy)),
      row('Datum', formatCalendarDate(e.date)),
      row('Document', documentName(input, e.documentId)),
    ];
    switch (e.kind) {
      case 'diploma':
        rows.push(row('Niveau', e.level === undefined ? null : (DIPLOMA_LEVELS[e.level] ?? e.level)));
        break;
      case 'courseCertificate':
        rows.push(row('Studiebelasting (uren)', e.hours === undefined ? null : NUMBER.format(e.hours)));
        rows.push(row('Studiebelasting (ECTS)', e.ects === undefined ? null : NUMBER.format(e.ects)));
        rows.push(row('Keurmerk', text(e.qualityMarkName)));
        break;
      case 'evcReport':
        rows.push(row('BOC-niveau', e.bocLevel === undefined ? null : String(e.bocLevel)));
        break;
      case 'assessmentReport':
        rows.push(row('NLQF-niveau', e.nlqfLevel === undefined ? null : String(e.nlqfLevel)));
        break;
      case 'accreditedProgrammeCertificate':
        break;
      default: {
        const never: never = e;
        void never;
      }
    }
    // What the candidate attests, labelled with the rulebook's condition texts.
    const attestedValues: Readonly<Record<string, boolean | undefined>> = e.attested ?? {};
    const labels = new Map<string, string>();
    for (const requirement of kindRequirements) {
      for (const condition of requirement.conditions) {
        if (condition.test === 'attested' && !labels.has(condition.attestation)) labels.set(condition.attestation, condition.label.nl);
      }
    }
    for (const key of Object.keys(attestedValues)) if (!labels.has(key)) labels.set(key, key);
    const attested = [...labels].map(([key, label]) => row(label, yesNo(attestedValues[key])));

    const progress = progressDocs.find((d) => d.path === `/education/evidence/${index}`);
    return {
      heading: `${index + 1}. ${text(e.title) ?? kindLabel}`,
      rows,
      attested,
      counts: progress === undefined ? null : progress.counts ? 'ja' : 'nee',
      reasons: progress?.reasons.map((r) => r.label.nl) ?? [],
    };
  });

  const courses = report.progress.courses;
  return {
    ...heading,
    route: routeId === undefined || routeId === '' ? null : { id: routeId, criterion: route?.criterion.nl ?? 'onbekende route', known: route !== undefined },
    courseHours: courses === null ? null : `${NUMBER.format(courses.hoursCounted)} van de vereiste ${NUMBER.format(courses.hoursRequired)} uur`,
    evidence,
  };
}

function partB1View(input: PortfolioPdfInput, heading: Heading): PartB1View {
  const { rulebook } = input;
  const experience = input.document.workExperience?.experienceDeclaration;
  const active = input.document.workExperience?.activeDeclaration;
  const experienceRows: Row[] = [
    row('Actief in het vakgebied sinds', formatCalendarDate(experience?.activeSince)),
    row('Uren beroepsgerichte werkervaring', experience?.hours === undefined ? null : NUMBER.format(experience.hours)),
  ];
  if (experience?.hoursSince !== undefined) experienceRows.push(row('Uren geteld vanaf', formatCalendarDate(experience.hoursSince)));
  experienceRows.push(
    row('Uren zonder ondernemersactiviteiten en eigen ontwikkeling', yesNo(experience?.confirmsWhatCounts)),
    row('Ondertekend', yesNo(experience?.signed)),
    row('Datum ondertekening', formatCalendarDate(experience?.signedAt)),
  );
  return {
    ...heading,
    declarations: [
      { heading: rulebook.workExperience.experience.deliverable.nl, criterion: rulebook.workExperience.experience.criterion.nl, rows: experienceRows },
      {
        heading: rulebook.workExperience.active.deliverable.nl,
        criterion: rulebook.workExperience.active.criterion.nl,
        rows: [
          row('Momenteel werkzaam als uitvoerend loopbaanprofessional', yesNo(active?.currentlyActive)),
          row('Werkcontext', text(active?.workContext), true),
          row('Ondertekend', yesNo(active?.signed)),
          row('Datum ondertekening', formatCalendarDate(active?.signedAt)),
        ],
      },
    ],
  };
}

function partB2View(input: PortfolioPdfInput, heading: Heading): PartB2View {
  const rules = input.rulebook.cvAndMotivation;
  const cvId = input.document.cvAndMotivation?.cvDocumentId;
  const attached = cvId !== undefined && cvId !== '';
  return {
    ...heading,
    cv: { heading: rules.cv.criterion.nl, attached, value: attached ? `Bijgevoegd: ${documentName(input, cvId)}` : 'Niet bijgevoegd' },
    motivation: { heading: rules.motivation.criterion.nl, hint: rules.motivation.handreiking.nl, text: text(input.document.cvAndMotivation?.motivation) },
  };
}

const INITIATORS: Record<string, string> = { client: 'de cliënt', employer: 'de werkgever', other: 'een andere partij' };

function caseView(input: PortfolioPdfInput, casus: Casus, index: number): CaseView {
  const { rulebook } = input;
  const period = casus.period;
  const periodText =
    period === undefined
      ? null
      : `${formatCalendarDate(period.start) ?? 'begin onbekend'} – ${period.end === null ? 'loopt nog' : (formatCalendarDate(period.end) ?? 'einde onbekend')}`;
  const tasks = rulebook.cases.tasks.map((task) => {
    const entry = casus.tasks?.[task.id];
    const status = entry?.status ?? (text(entry?.text) !== null ? 'described' : 'missing');
    const heading = `Taak ${task.id}: ${task.title.nl}`;
    switch (status) {
      case 'described':
        return { heading, status: 'Beschreven', statusClass: 'described', text: text(entry?.text) };
      case 'not_relevant': {
        const motivation = text(entry?.notRelevantMotivation);
        return { heading, status: motivation === null ? 'Niet relevant (motivering ontbreekt)' : 'Niet relevant', statusClass: 'not-relevant', text: motivation };
      }
      case 'missing':
        return { heading, status: 'Ontbreekt', statusClass: 'missing', text: null };
      default: {
        const never: never = status;
        return { heading, status: String(never), statusClass: 'missing', text: null };
      }
    }
  });
  const reflections = (
    items: readonly { readonly id: string; readonly title: { readonly nl: string } }[],
    given: Readonly<Record<string, string>> | undefined,
    label: (id: string, title: string) => string,
  ) => {
    const known = items.flatMap((item) => {
      const reflection = text(given?.[item.id]);
      return reflection === null ? [] : [{ heading: label(item.id, item.title.nl), text: reflection }];
    });
    const unknown = Object.entries(given ?? {}).flatMap(([id, reflection]) =>
      items.some((item) => item.id === id) || text(reflection) === null ? [] : [{ heading: label(id, '(onbekend in dit toetsingskader)'), text: reflection }],
    );
    return [...known, ...unknown];
  };
  return {
    anchor: caseAnchor(index),
    heading: `Casus ${index + 1}: ${text(casus.title) ?? '(zonder titel)'}`,
    rows: [
      row('Waarom gekozen', text(casus.whyChosen), true),
      row('Type cliënt', text(casus.clientType)),
      row('Type vraag', text(casus.questionType)),
      row('Gestart door', casus.initiator === undefined ? null : (INITIATORS[casus.initiator] ?? casus.initiator)),
      row('Periode', periodText),
    ],
    tasks,
    knowledge: reflections(rulebook.cases.knowledge.items, casus.knowledgeAreaReflections, (id, title) => `${id}. ${title}`),
    competences: reflections(rulebook.cases.competences.items, casus.competenceReflections, (_id, title) => title),
    attitude: rulebook.cases.attitude.criteria.map((criterion) => ({
      heading: criterion.title.nl,
      question: criterion.question.nl,
      answer: text(casus.attitudeAnswers?.[criterion.id]),
    })),
  };
}

function matrixCell(cell: TaskCoverageCell | undefined): { mark: string; label: string; cls: string } {
  if (cell === undefined) return { mark: '–', label: 'geen casus', cls: 'missing' };
  switch (cell.status) {
    case 'described':
      return { mark: '✓', label: 'beschreven', cls: 'described' };
    case 'not_relevant':
      return cell.motivated === false
        ? { mark: '○', label: 'niet relevant, zonder motivering', cls: 'missing' }
        : { mark: '○', label: 'niet relevant', cls: 'not-relevant' };
    case 'missing':
      return { mark: '✗', label: 'ontbreekt', cls: 'missing' };
    default: {
      const never: never = cell.status;
      return { mark: '?', label: String(never), cls: 'missing' };
    }
  }
}

function matrixView(input: PortfolioPdfInput): MatrixView {
  const { rulebook, report, document } = input;
  const coverage = report.progress.taskCoverage;
  const caseIndexes = [...new Set(coverage.flatMap((r) => r.cells.map((c) => c.caseIndex)))].sort((a, b) => a - b);
  return {
    anchor: ANCHORS.matrix,
    title: 'Takenmatrix',
    titleEn: 'Tasks per case',
    columns: caseIndexes.map((i) => ({ label: `Casus ${i + 1}`, title: text(document.cases?.[i]?.title) })),
    rows: coverage.map((r) => ({
      task: r.task,
      title: rulebook.cases.tasks.find((t) => t.id === r.task)?.title.nl ?? '',
      cells: caseIndexes.map((i) => matrixCell(r.cells.find((c) => c.caseIndex === i))),
      described: r.described ? 'ja' : 'nee',
    })),
  };
}

function partEView(input: PortfolioPdfInput, heading: Heading): PartEView {
  const given = input.document.declarations as Readonly<Record<string, { accepted?: boolean; version?: number; acceptedAt?: string } | undefined>> | undefined;
  return {
    ...heading,
    declarations: input.rulebook.declarations.map((definition) => {
      const declaration = given?.[definition.key];
      const rows = [row('Geaccepteerd', yesNo(declaration?.accepted))];
      if (definition.versioned) rows.push(row('Versie', declaration?.version === undefined ? null : `versie ${declaration.version}`));
      rows.push(row('Datum', formatCalendarDate(declaration?.acceptedAt)));
      return { text: definition.text.nl, rows };
    }),
  };
}

function groupByPart(input: PortfolioPdfInput, findings: readonly Finding[]): { title: string; messages: string[] }[] {
  return PARTS.flatMap((part) => {
    const messages = findings.filter((f) => f.part === part).map((f) => f.message.nl);
    return messages.length === 0 ? [] : [{ title: input.rulebook.parts[part].title.nl, messages: [...new Set(messages)] }];
  });
}

function missingView(input: PortfolioPdfInput): MissingView {
  const findings = input.report.findings;
  const groups = groupByPart(
    input,
    findings.filter((f) => f.severity === 'blocking'),
  );
  return {
    anchor: ANCHORS.missing,
    title: 'Nog te doen',
    titleEn: 'Still missing',
    complete: groups.length === 0,
    groups,
    warnings: groupByPart(
      input,
      findings.filter((f) => f.severity === 'warning'),
    ),
  };
}
