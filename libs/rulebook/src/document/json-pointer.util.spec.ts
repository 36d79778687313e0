import { parsePointer, pointerInto, resolvePointer } from './json-pointer.util';

beforeEach(() => expect.hasAssertions());

describe('pointerInto', () => {
  const document = { education: { evidence: [{ kind: 'diploma' }] }, cases: [{ tasks: { '3': { text: 'x' } } }], 'a/b~c': 1 };

  it.each([
    [['education', 'route'], '/education/route'],
    [['education', 'evidence', 0], '/education/evidence/0'],
    [['education', 'evidence', 5], '/education/evidence/5'],
    [['workExperience', 'activeDeclaration', 'signed'], '/workExperience'],
    [['cases', 0, 'tasks', '3', 'notRelevantMotivation'], '/cases/0/tasks/3/notRelevantMotivation'],
    [['cases', 1, 'tasks', '3'], '/cases/1'],
    [['a/b~c'], '/a~1b~0c'],
    [[], ''],
  ])('%j → %s (cut after the first missing segment)', (segments, expected) => {
    expect(pointerInto(document, segments)).toBe(expected);
  });
});

describe('parsePointer and resolvePointer', () => {
  it('parses and unescapes', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/a~1b/~0/0')).toEqual(['a/b', '~', '0']);
    expect(parsePointer('no-slash')).toBeNull();
    expect(parsePointer('/bad~2escape')).toBeNull();
  });

  it('resolves into objects and arrays', () => {
    const document = { cases: [{ id: 'x' }], 'a/b': 2 };
    expect(resolvePointer(document, '/cases/0/id')).toBe('x');
    expect(resolvePointer(document, '/a~1b')).toBe(2);
    expect(resolvePointer(document, '/cases/1')).toBeUndefined();
    expect(resolvePointer(document, '/cases/01')).toBeUndefined();
  });
});
