import { EVIDENCE_KINDS } from '../document/portfolio-document.types';
import type { LocalizedText } from '../text/localized-text.util';
import { currentRulebook, getRulebook, rulebooks } from './rulebook.registry';
import { toetsingskaderInitieelV1 as rulebook } from './toetsingskader-initieel-v1.rulebook';

beforeEach(() => expect.hasAssertions());

const { cases, education, workExperience, developmentPlan } = rulebook;

describe('registry', () => {
  it('ships the toetsingskader as the current, published version', () => {
    expect(rulebooks.map((r) => [r.id, r.status])).toEqual([['toetsingskader-initieel-v1', 'published']]);
    expect(currentRulebook).toBe(rulebook);
    expect(getRulebook('toetsingskader-initieel-v1')).toBe(rulebook);
    expect(getRulebook('toetsingskader-2099')).toBeUndefined();
  });
});

describe('the numbers of the toetsingskader', () => {
  it('A: 98 hours (3.5 ECTS at 28 h per ECTS), reports at most 2 years old, NLQF/BOC level 6', () => {
    expect(education.hoursPerEcts).toBe(28);
    expect(3.5 * education.hoursPerEcts).toBe(98);
    const requirements = education.routes.flatMap((r) => r.evidence);
    expect(new Set(requirements.filter((r) => r.kind === 'courseCertificate').map((r) => r.minStudyLoadHours))).toEqual(new Set([98]));
    const conditions = requirements.flatMap((r) => r.conditions);
    expect(conditions.filter((c) => c.test === 'notOlderThanYears').map((c) => c.test === 'notOlderThanYears' && c.years)).toEqual([2, 2]);
    expect(conditions.filter((c) => c.test === 'atLeast').map((c) => c.test === 'atLeast' && [c.field, c.min])).toEqual([
      ['bocLevel', 6],
      ['nlqfLevel', 6],
    ]);
  });

  it('B1: at least 2 years active and 1,200 hours, no time window on the hours', () => {
    expect(workExperience.experience).toMatchObject({ minYearsActive: 2, minHours: 1200, hoursWithinYears: null });
  });

  it('C: 2 cases within 2 years, tasks 0–7, 4 of 5 knowledge areas with 1 and 2, all 5 competences, 4 attitude questions', () => {
    expect([cases.count, cases.recencyYears]).toEqual([2, 2]);
    expect(cases.tasks.map((t) => t.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(cases.knowledge.items.map((a) => a.id)).toEqual(['1', '2', '3', '4', '5']);
    expect([cases.knowledge.minCovered, cases.knowledge.mandatory]).toEqual([4, ['1', '2']]);
    expect(cases.competences.items.map((c) => c.id)).toEqual(['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren', 'coachen']);
    expect([cases.competences.minCovered, cases.competences.mandatory]).toEqual([cases.competences.items.length, []]);
    expect(cases.attitude.criteria.map((c) => c.id)).toEqual(['ethisch-handelen', 'zelfreflectie', 'ontwikkeling', 'diversiteit-inclusiviteit']);
  });

  it('C: every trajectory has the process tasks (0), the clarifying conversation (1), the proposal (2) and the close (7)', () => {
    expect(cases.trajectory.coreTasks).toEqual(['0', '1', '2', '7']);
    expect(cases.trajectory.coreTasks.every((id) => cases.tasks.some((t) => t.id === id))).toBe(true);
    expect(cases.trajectory.explanation.nl).toMatch(/^Elke casus beschrijft een compleet begeleidingstraject\./);
  });

  it('D: four questions, four years ahead; E: three declarations, two bound to a version', () => {
    expect(developmentPlan.questions.map((q) => q.id)).toEqual(['1', '2', '3', '4']);
    expect(developmentPlan.horizonYears).toBe(4);
    expect(rulebook.declarations.map((d) => [d.key, d.ruleCode, d.versioned])).toEqual([
      ['gedragscode', 'E.GEDRAGSCODE', true],
      ['klachtenreglement', 'E.KLACHTENREGLEMENT', true],
      ['truthful', 'E.TRUTHFUL', false],
    ]);
  });

  it('B2 and D are never scored; A, B1 and C are', () => {
    expect(Object.entries(rulebook.parts).map(([part, p]) => [part, p.scored])).toEqual([
      ['A', true],
      ['B1', true],
      ['B2', false],
      ['C', true],
      ['D', false],
      ['E', false],
    ]);
  });
});

describe('the routes', () => {
  it.each([
    ['A1', [['A.DIPLOMA', 'diploma', ['uploaded', 'level', 'signedByInstitution', 'nvaoAccredited', 'crohoMensEnOrganisatie']]]],
    [
      'A2',
      [
        ['A.DIPLOMA', 'diploma', ['uploaded', 'level', 'signedByInstitution', 'nvaoAccredited']],
        ['A.COURSES', 'courseCertificate', ['uploaded', 'qualityMark', 'signedByTrainer', 'statesStudyLoad', 'inScope']],
      ],
    ],
    [
      'A3',
      [
        ['A.EVC', 'evcReport', ['uploaded', 'notOlderThan', 'bocLevel', 'recognisedProvider']],
        ['A.COURSES', 'courseCertificate', ['uploaded', 'qualityMark', 'signedByTrainer', 'statesStudyLoad', 'inScope']],
      ],
    ],
    [
      'A4',
      [
        ['A.ASSESSMENT', 'assessmentReport', ['uploaded', 'notOlderThan', 'accreditedBureauOrNipPsychologist', 'nlqfLevel']],
        ['A.COURSES', 'courseCertificate', ['uploaded', 'qualityMark', 'signedByTrainer', 'statesStudyLoad', 'inScope']],
      ],
    ],
  ])('%s asks for %j', (id, expected) => {
    const route = education.routes.find((r) => r.id === id);
    expect(route?.evidence.map((r) => [r.ruleCode, r.kind, r.conditions.map((c) => c.code)])).toEqual(expected);
  });

  it('uses only evidence kinds the document can hold', () => {
    for (const requirement of education.routes.flatMap((r) => r.evidence)) expect(EVIDENCE_KINDS).toContain(requirement.kind);
  });
});

describe('the koppeling per task (suggestions shown beside each task)', () => {
  const ALL = ['ethisch-handelen', 'zelfreflectie', 'ontwikkeling', 'diversiteit-inclusiviteit'];
  it.each([
    ['0', ['2', '5'], ['methodisch-werken', 'effectief-communiceren', 'adviseren', 'coachen']],
    ['1', ['1', '2'], ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren']],
    ['2', ['1', '2'], ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren']],
    ['3', ['1', '2'], ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'coachen']],
    ['4', ['1', '2', '3', '4', '5'], ['methodisch-werken', 'inlevingsvermogen', 'adviseren', 'coachen']],
    ['5', ['2', '3', '4', '5'], ['effectief-communiceren', 'adviseren', 'coachen']],
    ['6', ['2', '3', '4', '5'], ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren', 'coachen']],
    ['7', ['2', '5'], ['methodisch-werken', 'effectief-communiceren', 'adviseren']],
  ])('task %s', (id, knowledgeAreas, competences) => {
    expect(cases.tasks.find((t) => t.id === id)?.koppeling).toEqual({ knowledgeAreas, competences, attitude: ALL });
  });
});

describe('the transcription', () => {
  it('has as many indicators, handreikingen and examples as the tables', () => {
    expect(cases.tasks.map((t) => [t.indicators.length, t.handreiking.length])).toEqual([
      [6, 1],
      [5, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [4, 1],
      [3, 1],
      [5, 1],
    ]);
    expect(cases.knowledge.items.map((a) => [a.indicators.length, a.examples.length])).toEqual([
      [2, 2],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(cases.competences.items.map((c) => c.indicators.length)).toEqual([7, 5, 8, 5, 6]);
  });

  it.each([
    [cases.tasks[4]?.title.nl, 'Het begeleiden bij het ontwikkelen van een visie op de loopbaan, leer- en/of ontwikkelmogelijkheden.'],
    [cases.tasks[5]?.title.nl, 'Het begeleiden bij het oriëntatie- en keuzeproces bij het maken van een loopbaan-, leer- en/of ontwikkelstap.'],
    [cases.tasks[7]?.indicators[3]?.nl, 'Reflecteert zelf op het traject en gaat na waarom bepaalde interventies zijn ingezet en met welk effect.'],
    [cases.tasks[0]?.indicators[5]?.nl, 'Bewaakt zorgvuldig de privacy en geheimhouding.'],
    [cases.knowledge.items[1]?.examples[1]?.nl, 'Je kunt de motieven van cliënt koppelen aan een motivatietheorie.'],
    [cases.competences.items[0]?.definition.nl, 'Is in staat om doelgericht, systematisch, procesmatig en bewust te werken en handelen.'],
    [cases.attitude.criteria[2]?.question.nl, 'Welke inzichten, leer- en/of ontwikkelpunten haal je voor jezelf uit de casus?'],
    [
      cases.attitude.criteria[1]?.question.nl,
      'Kijk terug op je rol in dit begeleidingstraject. Wat was het effect (positief en negatief) van je rol? Waar ga je de volgende keer op letten en wat wil je anders of juist vaker doen?',
    ],
    [developmentPlan.questions[3]?.text.nl, 'Welke belemmeringen voorzie je en hoe kun je die voorkomen?'],
    [education.routes[3]?.evidence[0]?.conditions[2]?.label.nl, 'Het assessment is afgenomen door een geaccrediteerd bureau of een zelfstandig gevestigde Arbeids- en organisatiepsycholoog NIP.'],
    [workExperience.experience.criterion.nl, 'Je bent tenminste twee jaar actief binnen het vakgebied van de loopbaanprofessie en beschikt over minimaal 1.200 uur beroepsgerichte werkervaring als uitvoerend loopbaanprofessional.'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('has every text in Dutch and English, without leftover markup', () => {
    const texts: LocalizedText[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record['nl'] === 'string' && typeof record['en'] === 'string') texts.push(record as unknown as LocalizedText);
        else Object.values(record).forEach(collect);
      }
    };
    collect(rulebook);
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) {
      for (const lang of ['nl', 'en'] as const) {
        expect(text[lang].trim()).not.toBe('');
        expect(text[lang]).not.toMatch(/[<>○]|\s{2}/);
      }
    }
    // Translated, not copied (the few identical ones are names or Latin).
    const untranslated = texts.filter((t) => t.nl === t.en).map((t) => t.nl);
    expect(untranslated).toEqual(['Curriculum vitae.', 'Curriculum vitae.']);
  });

  it('links every koppeling and mandatory item to an existing item', () => {
    const areas = cases.knowledge.items.map((a) => a.id);
    const competences = cases.competences.items.map((c) => c.id);
    const attitude = cases.attitude.criteria.map((c) => c.id);
    for (const task of cases.tasks) {
      expect(areas).toEqual(expect.arrayContaining([...task.koppeling.knowledgeAreas]));
      expect(competences).toEqual(expect.arrayContaining([...task.koppeling.competences]));
      expect(attitude).toEqual(expect.arrayContaining([...task.koppeling.attitude]));
    }
    expect(areas).toEqual(expect.arrayContaining([...cases.knowledge.mandatory]));
  });
});
