import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleDocument, canonicalJson, contentBytes, contentProblems, documentIdsOf, malformedDocumentReferences, mergePatch, sectionOfPointer, sectionPointer, SECTION_KEYS, SectionContents, SIZE_LIMITS } from './sections';

const empty = (): SectionContents => Object.fromEntries(SECTION_KEYS.map((k) => [k, {}])) as SectionContents;

describe('sections', () => {
  it('maps every section to a pointer and back', () => {
    for (const key of SECTION_KEYS) expect(sectionOfPointer(`${sectionPointer(key)}/x`)).toBe(key);
    expect(sectionOfPointer('/cases/1/tasks/3')).toBe('case-2');
    expect(sectionOfPointer('/cases')).toBeNull();
    expect(sectionOfPointer('/cases/7')).toBeNull();
    expect(sectionOfPointer('')).toBeNull();
  });

  it('assembles a document with both case slots in order, leaving empty parts out', () => {
    const s = empty();
    s['case-2'] = { title: 'Tweede' };
    s.cvAndMotivation = { motivation: 'm' };
    const doc = assembleDocument('rb', s);
    expect(doc).toEqual({ schemaVersion: 1, rulebookVersion: 'rb', cvAndMotivation: { motivation: 'm' }, cases: [{ id: 'case-1' }, { id: 'case-2', title: 'Tweede' }] });
  });

  it('finds document references', () => {
    expect(documentIdsOf('education', { evidence: [{ documentId: 'a' }, { documentId: 'a' }, { kind: 'diploma' }, null] })).toEqual(['a']);
    expect(documentIdsOf('cvAndMotivation', { cvDocumentId: 'b' })).toEqual(['b']);
    expect(documentIdsOf('case-1', { cvDocumentId: 'b' })).toEqual([]);
  });

  it('points at every document reference that is not a document id (UUID), whatever its type', () => {
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(malformedDocumentReferences('education', { evidence: [{ documentId: uuid }, { documentId: 'doc-7d1f3a02' }, { kind: 'diploma' }, { documentId: 7 }, null] }).map((e) => e.path)).toEqual([
      '/evidence/1/documentId',
      '/evidence/3/documentId',
    ]);
    expect(malformedDocumentReferences('cvAndMotivation', { cvDocumentId: `${uuid} ` }).map((e) => e.path)).toEqual(['/cvDocumentId']);
    expect(malformedDocumentReferences('cvAndMotivation', { cvDocumentId: uuid.toUpperCase() })).toEqual([]);
    expect(malformedDocumentReferences('cvAndMotivation', {})).toEqual([]);
  });

  it('merge-patches per RFC 7396', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({ a: 1, b: { d: 3, e: 4 }, f: [1] });
    expect(mergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(mergePatch({ a: 1 }, {})).toEqual({ a: 1 });
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('reports text PostgreSQL cannot store and sizes beyond the limits', () => {
    expect(contentProblems({ a: 'x\u0000y' })).toEqual([{ path: '/a', problem: 'invalid_text' }]);
    expect(contentProblems({ a: '\ud800' })).toEqual([{ path: '/a', problem: 'invalid_text' }]);
    expect(contentProblems({ a: 'x'.repeat(20_001) })[0]?.problem).toBe('string_too_long');
    expect(contentProblems({ a: new Array(51).fill(1) })[0]?.problem).toBe('array_too_long');
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(contentProblems(deep)[0]?.problem).toBe('too_deep');
    expect(contentProblems({ ok: 'Zoë 🙂 עברית', list: [1, 2] })).toEqual([]);
  });
  it('leaves the complete example portfolio room to grow: every section under a quarter of its limit, the whole under a quarter of the total', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../../docs/examples/complete.json'), 'utf8')) as Record<string, unknown> & { cases: unknown[] };
    const sections: Record<string, unknown> = { education: example['education'], workExperience: example['workExperience'], cvAndMotivation: example['cvAndMotivation'], 'case-1': example.cases[0], 'case-2': example.cases[1], developmentPlan: example['developmentPlan'], declarations: example['declarations'] };
    const sizes = Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, contentBytes(v)]));
    for (const [section, size] of Object.entries(sizes)) expect({ section, fits: size > 0 && size <= SIZE_LIMITS.maxSectionBytes / 4 }).toEqual({ section, fits: true });
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20_000);
    expect(total).toBeLessThanOrEqual(SIZE_LIMITS.maxPortfolioBytes / 4);
    // Bytes, not characters: a euro sign counts three.
    expect(contentBytes({ t: '€' })).toBe(Buffer.byteLength('{"t":"€"}'));
  });
});
