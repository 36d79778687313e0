import { checkPortfolio, checkValue, privacyReport, textFields } from './check-portfolio';

beforeEach(() => expect.hasAssertions());

const OPTIONS = { referenceYear: 2026 };

describe('checkPortfolio', () => {
  const document = {
    schemaVersion: 1,
    rulebookVersion: 'toetsingskader-initieel-v1',
    education: { evidence: [{ kind: 'diploma', title: 'Jan de Vries Academie', issuedBy: 'info@academie.nl' }] },
    workExperience: { activeDeclaration: { workContext: 'bel 06-12345678' } },
    cvAndMotivation: { cvDocumentId: 'x', motivation: 'Ik ben bereikbaar op petra@praktijk.nl.' },
    cases: [
      {
        id: 'case-a',
        title: 'Outplacement van Kim de Boer',
        period: { start: '2024-01-01', end: null },
        initiator: 'employer',
        tasks: { '0': { status: 'described', text: 'Intake met mevrouw Yilmaz, BSN 628194821.' }, '3': { status: 'not_relevant', notRelevantMotivation: 'Zie facebook.com/kim.b' } },
        knowledgeAreaReflections: { '1': 'Geen gegevens.' },
        competenceReflections: { 'methodisch-werken': 'Rekening NL70 RABO 1163 7265 16.' },
      },
      { id: 'case-b', whyChosen: 'Ze woont op Dorpsstraat 7 en is geboren op 12-03-1985.', attitudeAnswers: { 'a/b~c': 'Bel +31 6 12345678' } },
    ],
  };

  it('checks the motivation and every free-text field of the cases, with RFC 6901 pointers', () => {
    const found = checkPortfolio(document, OPTIONS).map((w) => [w.pointer, w.kind, w.text]);
    expect(found).toEqual([
      ['/cvAndMotivation/motivation', 'email', 'petra@praktijk.nl'],
      ['/cases/0/title', 'personName', 'Kim de Boer'],
      ['/cases/0/tasks/0/text', 'personName', 'Yilmaz'],
      ['/cases/0/tasks/0/text', 'bsn', '628194821'],
      ['/cases/0/tasks/3/notRelevantMotivation', 'socialProfile', 'facebook.com/kim.b'],
      ['/cases/0/competenceReflections/methodisch-werken', 'iban', 'NL70 RABO 1163 7265 16'],
      ['/cases/1/whyChosen', 'address', 'Dorpsstraat 7'],
      ['/cases/1/whyChosen', 'birthDate', '12-03-1985'],
      ['/cases/1/attitudeAnswers/a~1b~0c', 'phone', '+31 6 12345678'],
    ]);
  });

  it('makes every hit a warning with a code, a bilingual message and a placeholder', () => {
    const [first] = checkPortfolio(document, OPTIONS);
    expect(first).toEqual({
      kind: 'email',
      start: 21,
      end: 38,
      text: 'petra@praktijk.nl',
      placeholder: '[e-mailadres]',
      code: 'PRIVACY.EMAIL',
      severity: 'warning',
      pointer: '/cvAndMotivation/motivation',
      message: {
        nl: 'Mogelijk herleidbaar: e-mailadres „petra@praktijk.nl”. Vervang het door [e-mailadres].',
        en: 'Possibly identifying: e-mail address "petra@praktijk.nl". Replace it with [e-mailadres].',
      },
    });
    expect(new Set(checkPortfolio(document, OPTIONS).map((w) => w.code))).toEqual(
      new Set(['PRIVACY.EMAIL', 'PRIVACY.PERSON_NAME', 'PRIVACY.BSN', 'PRIVACY.SOCIAL_PROFILE', 'PRIVACY.IBAN', 'PRIVACY.ADDRESS', 'PRIVACY.BIRTH_DATE', 'PRIVACY.PHONE']),
    );
  });

  it('gives nothing for an empty or missing document part', () => {
    expect(checkPortfolio({}, OPTIONS)).toEqual([]);
    expect(checkPortfolio({ cases: [{}, { tasks: {} }], cvAndMotivation: {} }, OPTIONS)).toEqual([]);
  });
});

describe('checkValue and textFields', () => {
  it('walks a section below a base pointer and skips ids, statuses and dates', () => {
    expect(textFields({ id: 'x', status: 'described', period: { start: '1985-03-12' }, text: 'a', list: ['b'] }, '/cases/0')).toEqual([
      { pointer: '/cases/0/text', text: 'a' },
      { pointer: '/cases/0/list/0', text: 'b' },
    ]);
    expect(checkValue({ tasks: { '2': { text: 'mail a@b.nl' } } }, '', OPTIONS).map((w) => w.pointer)).toEqual(['/tasks/2/text']);
  });
});

describe('privacyReport', () => {
  it('counts the warnings per kind', () => {
    const report = privacyReport({ cases: [{ title: 'Bel 06-12345678 of 010-1234567', whyChosen: 'a@b.nl' }] }, OPTIONS);
    expect(report.total).toBe(3);
    expect(report.counts).toEqual({ email: 1, socialProfile: 0, iban: 0, bsn: 0, phone: 2, address: 0, birthDate: 0, personName: 0 });
    expect(report.warnings.map((w) => w.pointer)).toEqual(['/cases/0/title', '/cases/0/title', '/cases/0/whyChosen']);
  });
});
