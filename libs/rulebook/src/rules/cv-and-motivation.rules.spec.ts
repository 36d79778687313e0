import { blocking, blockingCodes, run } from '../testing/evaluate.helpers';
import { completePortfolio, modify } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

const withB2 = (cvDocumentId: string | undefined, motivation: string | undefined) =>
  run(
    modify(completePortfolio(), (d) => {
      d.cvAndMotivation = {
        ...(cvDocumentId === undefined ? {} : { cvDocumentId }),
        ...(motivation === undefined ? {} : { motivation }),
      };
    }),
  );

describe('B2.CV', () => {
  it.each([
    ['doc-cv', true],
    ['', false],
    ['   ', false],
    [undefined, false],
  ])('cv document id %p counts: %p', (id, ok) => {
    const findings = blocking(withB2(id, 'Mijn motivatie.'), 'B2.CV');
    expect(findings.length === 0).toBe(ok);
    if (!ok) expect(findings[0]?.path).toBe('/cvAndMotivation/cvDocumentId');
  });
});

describe('B2.MOTIVATION', () => {
  it.each([
    ['Ik koos dit vak omdat…', true],
    ['A', true],
    ['', false],
    [' \n\t ', false],
    ['\u00a0\u200b', false], // no-break space and zero-width space
    ['...', false],
    ['-', false],
    [undefined, false],
  ])('motivation %p is filled in: %p', (text, ok) => {
    expect(blockingCodes(withB2('doc-cv', text))).toEqual(ok ? [] : ['B2.MOTIVATION']);
  });
});
