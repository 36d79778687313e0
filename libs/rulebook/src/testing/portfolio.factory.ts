import { addDays, subtractYears, type IsoDate } from '../dates/calendar-date.util';
import type { Casus, CourseCertificateEvidence, PortfolioDocument, TaskEntry } from '../document/portfolio-document.types';
import { currentRulebook } from '../versions/rulebook.registry';

/** Test data builders. Each test builds its own portfolio from these; nothing is shared or mutated. */

export const REFERENCE_DATE: IsoDate = '2026-03-02';

export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** A deep copy of `value` with `change` applied to it; `value` itself is left alone. */
export function modify<T>(value: T, change: (draft: Draft<T>) => void): T {
  const copy = structuredClone(value) as Draft<T>;
  change(copy);
  return copy as T;
}

export function certificate(overrides: Partial<CourseCertificateEvidence> = {}): CourseCertificateEvidence {
  return {
    kind: 'courseCertificate',
    documentId: 'doc-certificate',
    title: 'Training loopbaancoaching',
    issuedBy: 'Opleider',
    date: '2023-05-01',
    hours: 28,
    attested: { qualityMark: true, signedByTrainer: true, inScope: true },
    ...overrides,
  };
}

const rulebook = currentRulebook;
const described = (what: string): TaskEntry => ({ status: 'described', text: `Beschrijving van ${what}.` });

function casus(index: number, end: IsoDate, knowledge: readonly string[], competences: readonly string[]): Casus {
  return {
    id: `casus-${index + 1}`,
    title: `Casus ${index + 1}`,
    whyChosen: 'Dit traject laat goed zien hoe ik werk.',
    clientType: index === 0 ? 'werknemer' : 'student',
    questionType: index === 0 ? 'outplacement' : 'studiekeuze',
    initiator: index === 0 ? 'employer' : 'client',
    period: { start: addDays(end, -120), end },
    tasks: Object.fromEntries(rulebook.cases.tasks.map((t) => [t.id, described(`taak ${t.id}`)])),
    knowledgeAreaReflections: Object.fromEntries(knowledge.map((id) => [id, `Reflectie op kennisgebied ${id}.`])),
    competenceReflections: Object.fromEntries(competences.map((id) => [id, `Reflectie op ${id}.`])),
    attitudeAnswers: Object.fromEntries(rulebook.cases.attitude.criteria.map((c) => [c.id, `Antwoord op ${c.id}.`])),
  };
}

/** A complete portfolio (route A2: diploma + 70 h + 1 ECTS = 98 h) for the given reference date. */
export function completePortfolio(referenceDate: IsoDate = REFERENCE_DATE): PortfolioDocument {
  const signedAt = addDays(referenceDate, -10);
  return {
    schemaVersion: 1,
    rulebookVersion: rulebook.id,
    education: {
      route: 'A2',
      evidence: [
        {
          kind: 'diploma',
          documentId: 'doc-diploma',
          title: 'Bachelor Communicatie',
          issuedBy: 'Hogeschool',
          date: '2005-06-30',
          level: 'hbo',
          attested: { signedByInstitution: true, nvaoAccredited: true, crohoMensEnOrganisatie: false },
        },
        certificate({ documentId: 'doc-cert-1', hours: 70 }),
        certificate({ documentId: 'doc-cert-2', hours: undefined, ects: 1 }),
      ],
    },
    workExperience: {
      experienceDeclaration: {
        activeSince: subtractYears(referenceDate, 5),
        hours: 2400,
        confirmsWhatCounts: true,
        signed: true,
        signedAt,
      },
      activeDeclaration: { currentlyActive: true, signed: true, signedAt },
    },
    cvAndMotivation: { cvDocumentId: 'doc-cv', motivation: 'Waarom ik dit vak koos.' },
    cases: [
      casus(0, addDays(referenceDate, -200), ['1', '3', '5'], ['methodisch-werken', 'inlevingsvermogen', 'adviseren']),
      casus(1, addDays(referenceDate, -100), ['2', '4'], ['effectief-communiceren', 'coachen']),
    ],
    developmentPlan: { answers: Object.fromEntries(rulebook.developmentPlan.questions.map((q) => [q.id, `Antwoord op vraag ${q.id}.`])) },
    declarations: {
      gedragscode: { accepted: true, version: 1, acceptedAt: signedAt },
      klachtenreglement: { accepted: true, version: 1, acceptedAt: signedAt },
      truthful: { accepted: true, acceptedAt: signedAt },
    },
  };
}
