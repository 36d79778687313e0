import { addDays, subtractYears } from '../dates/calendar-date.util';
import type { PortfolioDocument } from '../document/portfolio-document.types';
import { RULE_CODES } from '../rules/rule-codes.const';
import { blocking, blockingCodes, run, warnings } from '../testing/evaluate.helpers';
import { completePortfolio, modify, REFERENCE_DATE } from '../testing/portfolio.factory';
import { currentRulebook } from '../versions/rulebook.registry';
import { evaluate, progress } from './evaluate.engine';

beforeEach(() => expect.hasAssertions());

const draft: PortfolioDocument = { schemaVersion: 1, rulebookVersion: currentRulebook.id };

describe('evaluate', () => {
  it('a complete portfolio has no blocking finding', () => {
    const report = run(completePortfolio());
    expect(report).toMatchObject({ complete: true, rulebookVersion: 'toetsingskader-initieel-v1', referenceDate: REFERENCE_DATE });
    expect(report.findings).toEqual([]);
  });

  it('an almost empty draft is incomplete in every part, with a finding per missing thing', () => {
    const report = run(draft);
    expect(report.complete).toBe(false);
    expect(new Set(report.findings.map((f) => f.part))).toEqual(new Set(['A', 'B1', 'B2', 'C', 'D', 'E']));
    expect(blockingCodes(report)).toEqual(
      ['A.ROUTE', 'B1.ACTIVE', 'B1.EXPERIENCE', 'B2.CV', 'B2.MOTIVATION', 'C.CASE_COUNT', 'C.COMPETENCES', 'C.KNOWLEDGE', 'C.TASKS', 'D.PLAN', 'E.GEDRAGSCODE', 'E.KLACHTENREGLEMENT', 'E.TRUTHFUL'].sort(),
    );
    expect(Object.values(report.progress.parts).every((p) => p.done === 0 && p.total > 0)).toBe(true);
  });

  it('only reports known rule codes, with the part taken from the code', () => {
    const report = run(draft);
    for (const finding of report.findings) {
      expect(RULE_CODES).toContain(finding.code);
      expect(finding.code.startsWith(`${finding.part}.`)).toBe(true);
    }
  });

  it('warnings never block', () => {
    const document = modify(completePortfolio(), (d) => {
      const [first, second] = d.cases ?? [];
      if (first && second) Object.assign(second, { questionType: first.questionType, clientType: first.clientType });
      if (first) first.period = { start: '2023-09-01', end: addDays(subtractYears(REFERENCE_DATE, 2), 3) };
    });
    const report = run(document);
    expect(warnings(report).map((f) => f.code).sort()).toEqual(['C.CASE_RECENT', 'C.DIVERSITY']);
    expect(report.complete).toBe(true);
  });

  it('gives messages in Dutch and English, and adds the text in the requested language', () => {
    const document = modify(completePortfolio(), (d) => delete d.cvAndMotivation);
    const [withoutLang] = run(document).findings;
    expect(withoutLang?.message.nl).toMatch(/curriculum vitae/);
    expect(withoutLang?.message.en).toMatch(/curriculum vitae/);
    expect(withoutLang).not.toHaveProperty('text');
    expect(run(document, { lang: 'en' }).findings[0]?.text).toBe(withoutLang?.message.en);
    expect(run(document, { lang: 'nl' }).findings[0]?.text).toBe(withoutLang?.message.nl);
  });

  it('writes numbers the Dutch way in Dutch and the English way in English', () => {
    const document = modify(completePortfolio(), (d) => {
      const x = d.workExperience?.experienceDeclaration;
      if (x) x.hours = 1199.5;
    });
    const [finding] = blocking(run(document), 'B1.EXPERIENCE');
    expect(finding?.message.nl).toContain('1.199,5 uur');
    expect(finding?.message.nl).toContain('1.200 uur');
    expect(finding?.message.en).toContain('1,199.5 hours');
  });

  it.each(['2025-02-29', '01-03-2026', ''])('refuses reference date %p', (referenceDate) => {
    expect(() => evaluate(draft, currentRulebook, { referenceDate })).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN])('refuses warnWithinDays %p', (warnWithinDays) => {
    expect(() => evaluate(draft, currentRulebook, { referenceDate: REFERENCE_DATE, warnWithinDays })).toThrow(RangeError);
  });

  it('uses the rulebook it is given, not the one the document names', () => {
    const report = evaluate({ ...completePortfolio(), rulebookVersion: 'something-else' }, currentRulebook, { referenceDate: REFERENCE_DATE });
    expect(report.rulebookVersion).toBe(currentRulebook.id);
    expect(report.complete).toBe(true);
  });
});

describe('progress', () => {
  it('counts per part for a complete portfolio', () => {
    expect(progress(completePortfolio(), currentRulebook, { referenceDate: REFERENCE_DATE }).parts).toEqual({
      A: { done: 3, total: 3 },
      B1: { done: 2, total: 2 },
      B2: { done: 2, total: 2 },
      C: { done: 26, total: 26 },
      D: { done: 4, total: 4 },
      E: { done: 3, total: 3 },
    });
  });

  it('has the task × case matrix', () => {
    const report = run(
      modify(completePortfolio(), (d) => {
        const tasks = d.cases?.[0]?.tasks;
        if (tasks) {
          tasks['2'] = { status: 'not_relevant', notRelevantMotivation: 'Geen voorstel nodig: de werkgever had het traject al vastgelegd.' };
          delete tasks['5'];
        }
      }),
    );
    const rows = Object.fromEntries(report.progress.taskCoverage.map((r) => [r.task, r.cells.map((c) => c.status)]));
    expect(Object.keys(rows)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(rows['2']).toEqual(['not_relevant', 'described']);
    expect(rows['5']).toEqual(['missing', 'described']);
    expect(rows['0']).toEqual(['described', 'described']);
  });

  it('counts knowledge areas and competences across both cases', () => {
    const { knowledgeAreas, competences } = run(completePortfolio()).progress;
    expect(knowledgeAreas).toMatchObject({ minCovered: 4, mandatory: ['1', '2'], covered: ['1', '2', '3', '4', '5'], satisfied: true });
    expect(knowledgeAreas.items).toEqual([
      { id: '1', caseIndexes: [0] },
      { id: '2', caseIndexes: [1] },
      { id: '3', caseIndexes: [0] },
      { id: '4', caseIndexes: [1] },
      { id: '5', caseIndexes: [0] },
    ]);
    expect(competences).toMatchObject({ minCovered: 5, covered: ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren', 'coachen'] });
  });

  it('lists the route requirements and the date each case stops counting', () => {
    const report = run(completePortfolio());
    expect(report.progress.education.route).toBe('A2');
    expect(report.progress.education.requirements.map((r) => [r.ruleCode, r.satisfied, r.documents.length])).toEqual([
      ['A.DIPLOMA', true, 1],
      ['A.COURSES', true, 2],
    ]);
    // The factory's second case ended 100 days before 2026-03-02, on 2025-11-22: it counts until 2027-11-22.
    expect(report.progress.countsUntil).toContainEqual({
      path: '/cases/1',
      ruleCode: 'C.CASE_RECENT',
      subject: 'case',
      date: '2025-11-22',
      countsUntil: '2027-11-22',
      countsOnReferenceDate: true,
      daysLeft: 630,
    });
  });
});
