import { DomainError } from '../../platform/src/domain-error';
import { stampSignatures } from './signatures';

const ctx = { today: '2026-11-23', current: { gedragscode: 2, klachtenreglement: 1 } };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as DomainError).code;
  }
  return undefined;
}

describe('stampSignatures', () => {
  it('stamps today when a declaration is signed, and removes the date when it is unsigned', () => {
    const signed = stampSignatures('workExperience', {}, { experienceDeclaration: { hours: 1300, signed: true } }, ctx).content;
    expect(signed).toEqual({ experienceDeclaration: { hours: 1300, signed: true, signedAt: '2026-11-23' } });
    const unsigned = stampSignatures('workExperience', signed, { experienceDeclaration: { hours: 1300, signed: false, signedAt: '2026-11-23' } }, ctx).content;
    expect(unsigned).toEqual({ experienceDeclaration: { hours: 1300, signed: false } });
  });

  it('keeps the original date while nothing signed changes, and re-stamps when the content changes', () => {
    const before = { experienceDeclaration: { hours: 1300, signed: true, signedAt: '2026-01-05' } };
    expect(stampSignatures('workExperience', before, { experienceDeclaration: { hours: 1300, signed: true } }, ctx).content).toEqual(before);
    const changed = stampSignatures('workExperience', before, { experienceDeclaration: { hours: 1400, signed: true, signedAt: '2026-01-05' } }, ctx).content;
    expect(changed).toEqual({ experienceDeclaration: { hours: 1400, signed: true, signedAt: '2026-11-23' } });
  });

  it('refuses a date the client made up', () => {
    expect(code(() => stampSignatures('workExperience', {}, { activeDeclaration: { signed: true, signedAt: '2020-01-01' } }, ctx))).toBe('SERVER_MANAGED_FIELD');
  });

  it('binds an acceptance to the current version and reports it', () => {
    const { content, acceptances } = stampSignatures('declarations', {}, { gedragscode: { accepted: true, version: 2 } }, ctx);
    expect(content).toEqual({ gedragscode: { accepted: true, version: 2, acceptedAt: '2026-11-23' } });
    expect(acceptances).toEqual([{ type: 'gedragscode', version: 2 }]);
    expect(code(() => stampSignatures('declarations', {}, { gedragscode: { accepted: true, version: 1 } }, ctx))).toBe('REGULATION_VERSION_NOT_CURRENT');
    expect(code(() => stampSignatures('declarations', {}, { klachtenreglement: { accepted: true } }, ctx))).toBe('REGULATION_VERSION_REQUIRED');
  });

  it('leaves an older acceptance alone when it is not touched (it is stale, not silently renewed)', () => {
    const before = { gedragscode: { accepted: true, version: 1, acceptedAt: '2026-01-05' }, truthful: { accepted: false } };
    const { content, acceptances } = stampSignatures('declarations', before, { ...before, truthful: { accepted: true } }, ctx);
    expect(content['gedragscode']).toEqual(before.gedragscode);
    expect(content['truthful']).toEqual({ accepted: true, acceptedAt: '2026-11-23' });
    expect(acceptances).toEqual([]);
  });

  it('does nothing to sections without signatures', () => {
    expect(stampSignatures('case-1', {}, { title: 'x' }, ctx)).toEqual({ content: { title: 'x' }, acceptances: [] });
  });
});
