import fc from 'fast-check';
import { addDays, subtractYears, type IsoDate } from '../dates/calendar-date.util';
import { parsePointer, resolvePointer } from '../document/json-pointer.util';
import type { Casus, EducationEvidence, PortfolioDocument, TaskEntry } from '../document/portfolio-document.types';
import { validatePortfolioDocument } from '../document/validate-portfolio-document';
import { PARTS } from '../rulebook/rulebook.types';
import { blocking } from '../testing/evaluate.helpers';
import { certificate, modify, type Draft } from '../testing/portfolio.factory';
import { currentRulebook } from '../versions/rulebook.registry';
import { evaluate } from './evaluate.engine';
import type { EvaluateOptions, EvaluationReport } from './report.types';

beforeEach(() => expect.hasAssertions());

const RUNS = { seed: 42, numRuns: 200 } as const;
const rulebook = currentRulebook;
const CURRENT_VERSIONS = { gedragscode: 3, klachtenreglement: 2 };
const CORE_TASKS = new Set(rulebook.cases.trajectory.coreTasks);

// ---------------------------------------------------------------- generators

interface Plan {
  readonly referenceDate: IsoDate;
  readonly route: 'A1' | 'A2' | 'A3' | 'A4';
  readonly courses: readonly { readonly amount: number; readonly ects: boolean }[];
  readonly reportAgeDays: number;
  readonly noise: readonly number[];
  readonly caseEndDaysAgo: readonly [number, number];
  readonly activeYears: number;
  readonly hours: number;
  readonly tasks: readonly ('both' | 'nr0' | 'nr1')[];
  readonly optionalAreas: readonly string[];
  readonly areaCases: readonly number[];
  readonly competenceCases: readonly number[];
  readonly types: readonly [string, string, string, string];
}

const planArbitrary: fc.Arbitrary<Plan> = fc.record({
  referenceDate: fc.integer({ min: 0, max: 15 * 366 }).map((n) => addDays('2021-01-01', n)),
  route: fc.constantFrom('A1' as const, 'A2' as const, 'A3' as const, 'A4' as const),
  courses: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 60 }), ects: fc.boolean() }), { maxLength: 5 }),
  reportAgeDays: fc.integer({ min: 0, max: 729 }),
  noise: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
  caseEndDaysAgo: fc.tuple(fc.integer({ min: 0, max: 729 }), fc.integer({ min: 0, max: 729 })),
  activeYears: fc.integer({ min: 2, max: 25 }),
  hours: fc.integer({ min: 1200, max: 20_000 }),
  tasks: fc.array(fc.constantFrom('both' as const, 'nr0' as const, 'nr1' as const), { minLength: 8, maxLength: 8 }),
  optionalAreas: fc.subarray(['3', '4', '5'], { minLength: 2 }),
  areaCases: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
  competenceCases: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
  types: fc.tuple(fc.constantFrom('outplacement', 'studiekeuze'), fc.constantFrom('werknemer', 'student'), fc.constantFrom('re-integratie', 'studiekeuze'), fc.constantFrom('werkzoekende', 'student')),
});

/** Documents that never qualify for anything (wrong level, no quality mark, too old, not uploaded). */
const NOISE: readonly EducationEvidence[] = [
  { kind: 'diploma', documentId: 'noise-mbo', level: 'other', attested: { signedByInstitution: true } },
  certificate({ documentId: 'noise-no-mark', hours: 50, attested: { signedByTrainer: true, inScope: true } }),
  certificate({ documentId: '', hours: 80 }),
  { kind: 'evcReport', documentId: 'noise-old-evc', date: '2001-01-01', bocLevel: 6, attested: { recognisedProvider: true } },
];

function educationFor(plan: Plan): EducationEvidence[] {
  const { referenceDate: ref, route } = plan;
  const reportDate = addDays(ref, -plan.reportAgeDays);
  const main: EducationEvidence[] =
    route === 'A1'
      ? [{ kind: 'diploma', documentId: 'd1', level: 'wo', attested: { signedByInstitution: true, nvaoAccredited: true, crohoMensEnOrganisatie: true } }]
      : route === 'A2'
        ? [{ kind: 'diploma', documentId: 'd1', level: 'hbo', attested: { signedByInstitution: true, nvaoAccredited: true } }]
        : route === 'A3'
          ? [{ kind: 'evcReport', documentId: 'e1', date: reportDate, bocLevel: 6, attested: { recognisedProvider: true } }]
          : [{ kind: 'assessmentReport', documentId: 'a1', date: reportDate, nlqfLevel: 6, attested: { accreditedBureauOrNipPsychologist: true } }];
  const courses = plan.courses.map((c, i) =>
    c.ects ? certificate({ documentId: `c${i}`, hours: undefined, ects: c.amount / 2 }) : certificate({ documentId: `c${i}`, hours: c.amount }),
  );
  const total = plan.courses.reduce((sum, c) => sum + (c.ects ? (c.amount / 2) * 28 : c.amount), 0);
  if (total < 98) courses.push(certificate({ documentId: 'top-up', hours: 98 - total }));
  return [...main, ...(route === 'A1' ? [] : courses), ...plan.noise.map((n) => NOISE[n] as EducationEvidence)];
}

function casusFor(plan: Plan, index: 0 | 1): Casus {
  const end = addDays(plan.referenceDate, -plan.caseEndDaysAgo[index]);
  const tasks: Record<string, TaskEntry> = {};
  plan.tasks.forEach((mode, task) => {
    // A core task (C.TRAJECTORY) is described in every case of a complete portfolio.
    const notRelevantHere = !CORE_TASKS.has(String(task)) && ((mode === 'nr0' && index === 0) || (mode === 'nr1' && index === 1));
    tasks[String(task)] = notRelevantHere
      ? { status: 'not_relevant', notRelevantMotivation: 'Deze stap speelde niet in dit traject.' }
      : { status: 'described', text: `Taak ${task}: beschrijving.` };
  });
  const pick = (ids: readonly string[], cases: readonly number[]) =>
    Object.fromEntries(ids.flatMap((id, i) => ((cases[i] ?? 2) === index || (cases[i] ?? 2) === 2 ? [[id, `Reflectie ${id}.`]] : [])));
  const areas = ['1', '2', ...plan.optionalAreas];
  return {
    id: `casus-${index + 1}`,
    title: `Casus ${index + 1}`,
    whyChosen: 'Omdat dit traject mijn werkwijze goed laat zien.',
    questionType: plan.types[index * 2],
    clientType: plan.types[index * 2 + 1],
    initiator: index === 0 ? 'employer' : 'client',
    period: { start: addDays(end, -90), end },
    tasks,
    knowledgeAreaReflections: pick(areas, plan.areaCases),
    competenceReflections: pick(rulebook.cases.competences.items.map((c) => c.id), plan.competenceCases),
    attitudeAnswers: Object.fromEntries(rulebook.cases.attitude.criteria.map((c) => [c.id, `Antwoord ${c.id}.`])),
  };
}

function build(plan: Plan): PortfolioDocument {
  const signedAt = addDays(plan.referenceDate, -3);
  return {
    schemaVersion: 1,
    rulebookVersion: rulebook.id,
    education: { route: plan.route, evidence: educationFor(plan) },
    workExperience: {
      experienceDeclaration: { activeSince: subtractYears(plan.referenceDate, plan.activeYears), hours: plan.hours, confirmsWhatCounts: true, signed: true, signedAt },
      activeDeclaration: { currentlyActive: true, signed: true, signedAt },
    },
    cvAndMotivation: { cvDocumentId: 'cv', motivation: 'Mijn motivatie voor dit vak.' },
    cases: [casusFor(plan, 0), casusFor(plan, 1)],
    developmentPlan: { answers: { '1': 'Inzichten.', '2': 'Verdieping.', '3': 'Doelen.', '4': 'Belemmeringen.' } },
    declarations: {
      gedragscode: { accepted: true, version: 3, acceptedAt: signedAt },
      klachtenreglement: { accepted: true, version: 2, acceptedAt: signedAt },
      truthful: { accepted: true, acceptedAt: signedAt },
    },
  };
}

const completeArbitrary = planArbitrary.map((plan) => ({ plan, document: build(plan) }));

type Damage = (d: Draft<PortfolioDocument>, n: number) => void;
const caseOf = (d: Draft<PortfolioDocument>, n: number): Draft<Casus> | undefined => d.cases?.[n % Math.max(d.cases.length, 1)];
const taskId = (n: number) => String(n % 8);
const DAMAGE: readonly Damage[] = [
  (d, n) => {
    const key = (['education', 'workExperience', 'cvAndMotivation', 'cases', 'developmentPlan', 'declarations'] as const)[n % 6];
    if (key) delete d[key];
  },
  (d, n) => d.cases?.splice(n % 2, 1),
  (d, n) => {
    const c = caseOf(d, n);
    if (c) d.cases?.push(structuredClone(c));
  },
  (d, n) => {
    const tasks = caseOf(d, n)?.tasks;
    if (tasks) tasks[taskId(n)] = { status: 'described', text: '  ' };
  },
  (d, n) => {
    const tasks = caseOf(d, n)?.tasks;
    if (tasks) tasks[taskId(n)] = { status: 'not_relevant' };
  },
  (d, n) => {
    const c = caseOf(d, n);
    if (c) delete c.tasks;
  },
  (d, n) => {
    const c = caseOf(d, n);
    if (c) c.knowledgeAreaReflections = { '3': 'Alleen arbeidsmarkt.' };
  },
  (d, n) => {
    const c = caseOf(d, n);
    if (c) delete c.competenceReflections;
  },
  (d, n) => {
    const answers = caseOf(d, n)?.attitudeAnswers;
    if (answers) delete answers[rulebook.cases.attitude.criteria[n % 4]?.id ?? ''];
  },
  (d, n) => {
    const c = caseOf(d, n);
    if (c) c.period = n % 3 === 0 ? { start: '2020-01-01', end: null } : n % 3 === 1 ? {} : { start: '2001-01-01', end: '2001-06-01' };
  },
  (d, n) => {
    const c = caseOf(d, n);
    if (c) delete c.period;
  },
  (d, n) => d.education?.evidence?.splice(n % Math.max(d.education.evidence.length, 1), 1),
  (d, n) => {
    const item = d.education?.evidence?.[n % Math.max(d.education.evidence.length, 1)];
    if (item) delete item.attested;
  },
  (d, n) => {
    if (d.education) d.education.route = n % 2 === 0 ? 'A9' : undefined;
  },
  (d, n) => {
    const x = d.workExperience?.experienceDeclaration;
    if (x) x.hours = n % 1200;
  },
  (d) => {
    const x = d.workExperience?.experienceDeclaration;
    if (x) x.activeSince = '2099-01-01';
  },
  (d) => {
    if (d.workExperience) delete d.workExperience.activeDeclaration;
  },
  (d, n) => {
    if (d.declarations?.gedragscode) d.declarations.gedragscode.version = (n % 2) + 1;
  },
  (d) => {
    if (d.developmentPlan) delete d.developmentPlan.answers;
  },
  (d) => {
    if (d.cvAndMotivation) d.cvAndMotivation.motivation = ' ';
  },
];

const partialArbitrary = fc
  .tuple(completeArbitrary, fc.array(fc.tuple(fc.integer({ min: 0, max: DAMAGE.length - 1 }), fc.nat({ max: 1000 })), { maxLength: 6 }))
  .map(([{ plan, document }, damage]) => ({
    plan,
    document: modify(document, (d) => {
      for (const [op, n] of damage) DAMAGE[op]?.(d, n);
    }),
  }));

const check = (document: PortfolioDocument, referenceDate: IsoDate): EvaluationReport => {
  const options: EvaluateOptions = { referenceDate, currentRegulationVersions: CURRENT_VERSIONS };
  return evaluate(document, rulebook, options);
};

const codeSignature = (report: EvaluationReport): string[] => report.findings.map((f) => `${f.severity}:${f.code}`).sort();
const blockingCodeSet = (report: EvaluationReport): Set<string> => new Set(blocking(report).map((f) => f.code));

/** Rebuilds an object with its keys in a different order. */
function reorderKeys<T extends object>(record: T, order: readonly number[]): T {
  const entries = Object.entries(record);
  const sorted = entries.map((e, i) => ({ e, k: order[i % Math.max(order.length, 1)] ?? i })).sort((a, b) => a.k - b.k);
  return Object.fromEntries(sorted.map((s) => s.e)) as T;
}

function shuffle<T>(items: readonly T[], order: readonly number[]): T[] {
  return items.map((item, i) => ({ item, k: order[i % Math.max(order.length, 1)] ?? i, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.item);
}

// ---------------------------------------------------------------- properties

describe('generated portfolios', () => {
  it('the complete generator yields schema-valid, complete portfolios (so the properties below test something)', () => {
    fc.assert(
      fc.property(completeArbitrary, ({ plan, document }) => {
        expect(validatePortfolioDocument(document).valid).toBe(true);
        expect(blocking(check(document, plan.referenceDate))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the damaged generator yields schema-valid documents that are often incomplete', () => {
    let incomplete = 0;
    fc.assert(
      fc.property(partialArbitrary, ({ plan, document }) => {
        expect(validatePortfolioDocument(document).valid).toBe(true);
        if (!check(document, plan.referenceDate).complete) incomplete += 1;
      }),
      RUNS,
    );
    expect(incomplete).toBeGreaterThan(RUNS.numRuns / 2);
  });
});

describe('adding valid evidence never makes a portfolio worse', () => {
  const qualifying = fc.record({ hours: fc.integer({ min: 1, max: 200 }), ects: fc.boolean() }).map(({ hours, ects }) =>
    ects ? certificate({ documentId: 'extra', hours: undefined, ects: hours / 4 }) : certificate({ documentId: 'extra', hours }),
  );

  it('a complete portfolio stays complete with another qualifying certificate', () => {
    fc.assert(
      fc.property(completeArbitrary, qualifying, fc.nat(), ({ plan, document }, extra, at) => {
        const more = modify(document, (d) => d.education?.evidence?.splice(at % (d.education.evidence.length + 1), 0, extra));
        expect(check(more, plan.referenceDate).complete).toBe(true);
      }),
      RUNS,
    );
  });

  it('in any portfolio, another qualifying certificate or reflection adds no blocking code', () => {
    fc.assert(
      fc.property(partialArbitrary, qualifying, fc.nat(), fc.constantFrom('1', '2', '3', '4', '5'), ({ plan, document }, extra, at, area) => {
        const before = blockingCodeSet(check(document, plan.referenceDate));
        const withCertificate = modify(document, (d) => {
          if (d.education?.evidence) d.education.evidence.splice(at % (d.education.evidence.length + 1), 0, extra);
        });
        const withReflection = modify(document, (d) => {
          const c = caseOf(d, at);
          if (c) c.knowledgeAreaReflections = { ...c.knowledgeAreaReflections, [area]: 'Een extra reflectie.' };
        });
        for (const after of [withCertificate, withReflection]) {
          const added = [...blockingCodeSet(check(after, plan.referenceDate))].filter((code) => !before.has(code));
          expect(added).toEqual([]);
        }
      }),
      RUNS,
    );
  });
});

describe('tasks', () => {
  it('describing a task, in place of whatever the case held, adds no blocking code', () => {
    fc.assert(
      fc.property(partialArbitrary, fc.nat(), fc.integer({ min: 0, max: 7 }), ({ plan, document }, at, task) => {
        const before = blockingCodeSet(check(document, plan.referenceDate));
        const described = modify(document, (d) => {
          const c = caseOf(d, at);
          if (c) c.tasks = { ...c.tasks, [String(task)]: { status: 'described', text: 'Zo heb ik deze taak uitgevoerd.' } };
        });
        expect([...blockingCodeSet(check(described, plan.referenceDate))].filter((code) => !before.has(code))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a case that describes no task, whatever it marks not relevant, never makes a complete portfolio', () => {
    fc.assert(
      fc.property(completeArbitrary, fc.integer({ min: 0, max: 1 }), fc.subarray(['0', '1', '2', '3', '4', '5', '6', '7'], { minLength: 1 }), ({ plan, document }, index, ids) => {
        const emptied = modify(document, (d) => {
          const c = d.cases?.[index];
          if (c) c.tasks = Object.fromEntries(ids.map((id) => [id, { status: 'not_relevant', notRelevantMotivation: 'Speelde niet in dit traject.' }]));
        });
        const report = check(emptied, plan.referenceDate);
        expect(report.complete).toBe(false);
        expect(blocking(report, 'C.TRAJECTORY').map((f) => f.path)).toEqual([`/cases/${index}/tasks`]);
      }),
      RUNS,
    );
  });
});

describe('order does not matter', () => {
  it('the verdict and the finding codes do not depend on the order of cases, evidence or reflections', () => {
    fc.assert(
      fc.property(partialArbitrary, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), ({ plan, document }, order) => {
        const reordered = modify(document, (d) => {
          if (d.cases) d.cases = shuffle(d.cases, order);
          if (d.education?.evidence) d.education.evidence = shuffle(d.education.evidence, [...order].reverse());
          for (const c of d.cases ?? []) {
            if (c.tasks) c.tasks = reorderKeys(c.tasks, order);
            if (c.knowledgeAreaReflections) c.knowledgeAreaReflections = reorderKeys(c.knowledgeAreaReflections, order);
            if (c.competenceReflections) c.competenceReflections = reorderKeys(c.competenceReflections, order);
            if (c.attitudeAnswers) c.attitudeAnswers = reorderKeys(c.attitudeAnswers, order);
          }
        });
        const [a, b] = [check(document, plan.referenceDate), check(reordered, plan.referenceDate)];
        expect(b.complete).toBe(a.complete);
        expect(codeSignature(b)).toEqual(codeSignature(a));
        expect(b.progress.parts).toEqual(a.progress.parts);
      }),
      RUNS,
    );
  });
});

describe('findings point into the document', () => {
  it('every finding path is a JSON Pointer whose parent exists (an object or array)', () => {
    fc.assert(
      fc.property(partialArbitrary, ({ plan, document }) => {
        for (const finding of check(document, plan.referenceDate).findings) {
          const segments = parsePointer(finding.path);
          expect(segments).not.toBeNull();
          expect(segments?.length).toBeGreaterThan(0);
          const parentPointer = finding.path.slice(0, finding.path.lastIndexOf('/'));
          const parent = resolvePointer(document, parentPointer);
          expect(parent !== null && typeof parent === 'object').toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('progress agrees with the findings', () => {
  it('a part is done exactly when it has no blocking finding, and complete means every part is done', () => {
    fc.assert(
      fc.property(partialArbitrary, ({ plan, document }) => {
        const report = check(document, plan.referenceDate);
        for (const part of PARTS) {
          const { done, total } = report.progress.parts[part];
          expect(done).toBeLessThanOrEqual(total);
          expect(done === total).toBe(!report.findings.some((f) => f.part === part && f.severity === 'blocking'));
        }
        expect(report.complete).toBe(PARTS.every((p) => report.progress.parts[p].done === report.progress.parts[p].total));
      }),
      RUNS,
    );
  });
});

describe('evaluate is pure', () => {
  const deepFreeze = <T>(value: T): T => {
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) deepFreeze(child);
      Object.freeze(value);
    }
    return value;
  };

  it('does not modify the document and gives the same report twice', () => {
    fc.assert(
      fc.property(partialArbitrary, ({ plan, document }) => {
        const frozen = deepFreeze(structuredClone(document));
        const first = check(frozen, plan.referenceDate);
        expect(check(frozen, plan.referenceDate)).toEqual(first);
        expect(frozen).toEqual(document);
      }),
      RUNS,
    );
  });
});
