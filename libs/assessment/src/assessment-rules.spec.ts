import type { DeclaredRelationEntity } from '../../accounts/src/declared-relation.entity';
import type { UserEntity } from '../../accounts/src/user.entity';
import { conflictsOfInterest } from './assignment.service';
import { validUntil } from './decision.service';
import { TRANSITIONS } from './dossier.service';
import { ifMatchVersion } from './versioned';

const user = (id: string, displayName: string, organisation: string | null) => ({ id, displayName, organisation }) as UserEntity;
const relation = (userId: string, r: Partial<DeclaredRelationEntity>) => ({ userId, relatedUserId: null, relatedName: 'x', relatedOrganisation: null, ...r }) as DeclaredRelationEntity;

describe('conflictsOfInterest', () => {
  const assessor = user('a', 'Anna de Vries', 'Bureau Een');
  const candidate = user('c', 'Carla Jansen', 'Loopbaanpraktijk Jansen');

  it('finds none between strangers', () => {
    expect(conflictsOfInterest(assessor, candidate, [])).toEqual([]);
  });

  it('refuses the candidate themself', () => {
    expect(conflictsOfInterest(candidate, candidate, [])).toContain('CANDIDATE_THEMSELF');
  });

  it('compares organisations ignoring case, spacing and Unicode forms', () => {
    expect(conflictsOfInterest(user('a', 'A', ' loopbaanpraktijk  JANSEN'), candidate, [])).toEqual(['SAME_ORGANISATION']);
    expect(conflictsOfInterest(user('a', 'A', 'Ｌoopbaanpraktijk Jansen'), candidate, [])).toEqual(['SAME_ORGANISATION']);
    expect(conflictsOfInterest(user('a', 'A', null), user('c', 'C', null), [])).toEqual([]);
  });

  it.each([
    ['the assessor names the candidate account', relation('a', { relatedUserId: 'c' })],
    ['the candidate names the assessor account', relation('c', { relatedUserId: 'a' })],
    ['the assessor names the candidate by name', relation('a', { relatedName: 'carla  jansen' })],
    ["the assessor names the candidate's organisation", relation('a', { relatedName: 'iemand', relatedOrganisation: 'Loopbaanpraktijk Jansen' })],
    ["the candidate names the assessor's organisation as a name", relation('c', { relatedName: 'bureau een' })],
  ])('sees a declared relation when %s', (_label, r) => {
    expect(conflictsOfInterest(assessor, candidate, [r])).toEqual(['DECLARED_RELATION']);
  });

  it("ignores relations between other people", () => {
    expect(conflictsOfInterest(assessor, candidate, [relation('z', { relatedUserId: 'c' }), relation('a', { relatedUserId: 'z' })])).toEqual([]);
  });
});

describe('validUntil', () => {
  it.each([
    ['2026-12-03', '2030-12-02'],
    ['2026-01-01', '2029-12-31'],
    ['2028-02-29', '2032-02-28'],
    ['2027-03-01', '2031-02-28'],
  ])('a certificate from %s is valid through %s (four years)', (start, end) => {
    expect(validUntil(start)).toBe(end);
  });
});

describe('the workflow', () => {
  it('only moves forward, except that a cancelled interview goes back to planning', () => {
    const order = ['draft', 'submitted', 'in_assessment', 'judged', 'interview_planned', 'interview_held', 'decided'];
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      for (const to of tos) {
        const forward = order.indexOf(to) === order.indexOf(from) + 1;
        expect(forward || (from === 'interview_planned' && to === 'judged')).toBe(true);
      }
    }
    expect(TRANSITIONS.decided).toEqual([]);
  });
});

describe('ifMatchVersion', () => {
  it('reads the version of an ETag of the right kind', () => {
    expect(ifMatchVersion('scoring', '"scoring.7"')).toBe(7);
    expect(ifMatchVersion('scoring', 'W/"scoring.7"')).toBe(7);
  });

  it.each([undefined, '', '  '])('needs one (428): %j', (v) => {
    expect(() => ifMatchVersion('scoring', v)).toThrow(expect.objectContaining({ kind: 'precondition_required' }));
  });

  it.each(['"judgement.1"', '*', '"scoring.x"', 'scoring.1', '"scoring.1", "scoring.2"'])('refuses %s as stale (412)', (v) => {
    expect(() => ifMatchVersion('scoring', v)).toThrow(expect.objectContaining({ kind: 'precondition_failed', code: 'STALE_VERSION' }));
  });
});
