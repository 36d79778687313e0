import { completePortfolio, modify } from '../testing/portfolio.factory';
import { validatePortfolioDocument } from './validate-portfolio-document';

beforeEach(() => expect.hasAssertions());

const minimal = { schemaVersion: 1, rulebookVersion: 'toetsingskader-initieel-v1' };
const errorsOf = (json: unknown) => {
  const result = validatePortfolioDocument(json);
  return result.valid ? [] : result.errors;
};

describe('validatePortfolioDocument', () => {
  it('accepts a draft with almost nothing in it, and returns it as the document', () => {
    expect(validatePortfolioDocument(minimal)).toEqual({ valid: true, document: minimal });
  });

  it('accepts partial sections, empty strings and a running case', () => {
    const draft = {
      ...minimal,
      education: { evidence: [{ kind: 'courseCertificate' }] },
      cases: [{ title: '', period: { start: '2026-01-05', end: null }, tasks: { '3': { status: 'not_relevant' } } }],
      declarations: { gedragscode: { accepted: false } },
    };
    expect(errorsOf(draft)).toEqual([]);
  });

  it('accepts a complete portfolio', () => {
    expect(errorsOf(completePortfolio())).toEqual([]);
  });

  it.each([
    ['not an object', null, [{ path: '', message: 'must be object' }]],
    ['an array', [], [{ path: '', message: 'must be object' }]],
    ['without schemaVersion', { rulebookVersion: 'x' }, [{ path: '/schemaVersion', message: 'required property is missing' }]],
    ['another schemaVersion', { ...minimal, schemaVersion: 2 }, [{ path: '/schemaVersion', message: 'must be equal to constant' }]],
    ['an unknown property', { ...minimal, naam: 'Jan' }, [{ path: '/naam', message: 'unknown property' }]],
    ['hours as text', { ...minimal, workExperience: { experienceDeclaration: { hours: '1200' } } }, [{ path: '/workExperience/experienceDeclaration/hours', message: 'must be number' }]],
    ['a non-existent day', { ...minimal, workExperience: { experienceDeclaration: { activeSince: '2025-02-29' } } }, [{ path: '/workExperience/experienceDeclaration/activeSince', message: 'must be a calendar date YYYY-MM-DD' }]],
    ['a Dutch-style date', { ...minimal, declarations: { truthful: { acceptedAt: '16-11-2026' } } }, [{ path: '/declarations/truthful/acceptedAt', message: 'must be a calendar date YYYY-MM-DD' }]],
    ['an unknown evidence kind', { ...minimal, education: { evidence: [{ kind: 'rijbewijs' }] } }, [{ path: '/education/evidence/0/kind', message: 'must be equal to one of the allowed values' }]],
    ['evidence without a kind', { ...minimal, education: { evidence: [{ documentId: 'x' }] } }, [{ path: '/education/evidence/0/kind', message: 'required property is missing' }]],
    ['hours on a diploma', { ...minimal, education: { evidence: [{ kind: 'diploma', hours: 3 }] } }, [{ path: '/education/evidence/0/hours', message: 'unknown property' }]],
    ['an unknown attestation', { ...minimal, education: { evidence: [{ kind: 'diploma', attested: { signedByTrainer: true } }] } }, [{ path: '/education/evidence/0/attested/signedByTrainer', message: 'unknown property' }]],
    ['a task key that is not a number', { ...minimal, cases: [{ tasks: { drie: { text: 'x' } } }] }, [{ path: '/cases/0/tasks/drie', message: 'property name is not allowed here' }]],
    ['an unknown task status', { ...minimal, cases: [{ tasks: { '3': { status: 'done' } } }] }, [{ path: '/cases/0/tasks/3/status', message: 'must be equal to one of the allowed values' }]],
    ['a version that is not a whole number', { ...minimal, declarations: { gedragscode: { version: 1.5 } } }, [{ path: '/declarations/gedragscode/version', message: 'must be integer' }]],
  ])('rejects %s', (_name, json, errors) => {
    expect(errorsOf(json)).toEqual(errors);
  });

  it('lists every error, not only the first', () => {
    const json = modify(completePortfolio(), (d) => {
      Object.assign(d, { extra: true });
      const x = d.workExperience?.experienceDeclaration;
      if (x) Object.assign(x, { hours: 'veel', signedAt: 'gisteren' });
    });
    expect(errorsOf(json).map((e) => e.path)).toEqual(['/extra', '/workExperience/experienceDeclaration/hours', '/workExperience/experienceDeclaration/signedAt']);
  });
});
