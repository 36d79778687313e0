import type { Part, PortfolioDocument } from '@rlp/rulebook';
import { PORTFOLIO_DOCUMENT_SCHEMA_VERSION } from '@rlp/rulebook';

/**
 * A portfolio is stored as independent sections, each with its own version, so that two tabs
 * editing different parts never conflict and an edit to one part never overwrites another.
 */
export const SECTION_KEYS = ['education', 'workExperience', 'cvAndMotivation', 'case-1', 'case-2', 'developmentPlan', 'declarations'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_PART: Readonly<Record<SectionKey, Part>> = {
  education: 'A',
  workExperience: 'B1',
  cvAndMotivation: 'B2',
  'case-1': 'C',
  'case-2': 'C',
  developmentPlan: 'D',
  declarations: 'E',
};

export const CASE_SECTIONS = ['case-1', 'case-2'] as const;

export function isSectionKey(value: string): value is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(value);
}

export type JsonObject = { [key: string]: unknown };
export type SectionContents = Record<SectionKey, JsonObject>;

/** JSON Pointer of a section inside the portfolio document. */
export function sectionPointer(key: SectionKey): string {
  const caseIndex = (CASE_SECTIONS as readonly string[]).indexOf(key);
  return caseIndex >= 0 ? `/cases/${caseIndex}` : `/${key}`;
}

/** The section a document pointer falls in; null for pointers above the sections (e.g. '/cases'). */
export function sectionOfPointer(pointer: string): SectionKey | null {
  const [, first, second] = pointer.split('/');
  if (first === 'cases') {
    if (second === undefined) return null;
    return CASE_SECTIONS[Number(second)] ?? null;
  }
  return first !== undefined && isSectionKey(first) && !first.startsWith('case-') ? first : null;
}

/** The rulebook's portfolio document, built from the sections. Both case slots are always present. */
export function assembleDocument(rulebookVersion: string, sections: SectionContents): PortfolioDocument {
  const doc: JsonObject = { schemaVersion: PORTFOLIO_DOCUMENT_SCHEMA_VERSION, rulebookVersion };
  for (const key of SECTION_KEYS) {
    if (key.startsWith('case-')) continue;
    if (Object.keys(sections[key]).length > 0) doc[key] = sections[key];
  }
  doc['cases'] = CASE_SECTIONS.map((key) => ({ ...sections[key], id: key }));
  return doc as unknown as PortfolioDocument;
}

/** Every place a section refers to an uploaded document: its pointer inside the section and the value there. */
export function documentReferencesOf(key: SectionKey, content: JsonObject): Array<{ path: string; value: unknown }> {
  const refs: Array<{ path: string; value: unknown }> = [];
  if (key === 'education' && Array.isArray(content['evidence'])) {
    (content['evidence'] as unknown[]).forEach((evidence, i) => {
      if (isPlainObject(evidence) && 'documentId' in evidence) refs.push({ path: `/evidence/${i}/documentId`, value: evidence['documentId'] });
    });
  }
  if (key === 'cvAndMotivation' && 'cvDocumentId' in content) refs.push({ path: '/cvDocumentId', value: content['cvDocumentId'] });
  return refs;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document id as the platform hands them out (a UUID); anything else cannot name an upload. */
export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** References that are not a document id, with their pointer inside the section (checked before any lookup). */
export function malformedDocumentReferences(key: SectionKey, content: JsonObject): Array<{ path: string; message: string }> {
  return documentReferencesOf(key, content)
    .filter((ref) => !isDocumentId(ref.value))
    .map((ref) => ({ path: ref.path, message: 'must be the id (a UUID) of a document you uploaded' }));
}

/** Ids of uploaded documents a section refers to. */
export function documentIdsOf(key: SectionKey, content: JsonObject): string[] {
  const ids = documentReferencesOf(key, content)
    .map((ref) => ref.value)
    .filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)];
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 7396 JSON Merge Patch: objects merge, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * How much a portfolio may hold (issue 18): the UTF-8 bytes of each section's canonical JSON, and of
 * all seven together. A rendered PDF grows with the text, so these bound the work of one preview.
 * The complete example (docs/examples/complete.json) is 22 KiB in all, its largest section (a case)
 * 10 KiB: the limits leave room for six times the longest real case and seven times the whole.
 * See docs/pdf-rendering.md ("How much a portfolio may hold").
 */
export const SIZE_LIMITS = { maxSectionBytes: 64 * 1024, maxPortfolioBytes: 160 * 1024 } as const;

/** The size a section counts for: UTF-8 bytes of its canonical JSON. */
export function contentBytes(content: unknown): number {
  return Buffer.byteLength(canonicalJson(content), 'utf8');
}

export interface ContentLimits {
  maxStringLength: number;
  maxArrayLength: number;
  maxDepth: number;
}

export const CONTENT_LIMITS: ContentLimits = { maxStringLength: 20_000, maxArrayLength: 50, maxDepth: 8 };

export interface ContentProblem {
  path: string;
  problem: 'string_too_long' | 'array_too_long' | 'too_deep' | 'invalid_text';
  limit?: number;
}

/**
 * Limits the schema does not state, and text PostgreSQL cannot store (NUL, lone surrogates):
 * checked before anything is written, so such input is a 400, never a 500.
 */
export function contentProblems(value: unknown, limits: ContentLimits = CONTENT_LIMITS, path = '', depth = 0): ContentProblem[] {
  if (depth > limits.maxDepth) return [{ path, problem: 'too_deep', limit: limits.maxDepth }];
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength) return [{ path, problem: 'string_too_long', limit: limits.maxStringLength }];
    if (value.includes('\u0000') || !value.isWellFormed()) return [{ path, problem: 'invalid_text' }];
    return [];
  }
  const problems: ContentProblem[] = [];
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return [{ path, problem: 'array_too_long', limit: limits.maxArrayLength }];
    value.forEach((item, i) => problems.push(...contentProblems(item, limits, `${path}/${i}`, depth + 1)));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.length > 200 || key.includes('\u0000') || !key.isWellFormed()) problems.push({ path: `${path}/${key.slice(0, 50)}`, problem: 'invalid_text' });
      else problems.push(...contentProblems(item, limits, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1));
    }
  }
  return problems;
}
