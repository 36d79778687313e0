import type { Part } from './api/types';
import type { TextKey } from './i18n';

/** The portfolio's parts in the toetsingskader's order, with Dutch slugs for the address bar. */
export interface SectionInfo {
  key: string;
  slug: string;
  part: Part;
  /** Where its findings point in the rulebook document. */
  pointer: string;
  label?: TextKey;
}

export const SECTIONS: readonly SectionInfo[] = [
  { key: 'education', slug: 'opleiding', part: 'A', pointer: '/education' },
  { key: 'workExperience', slug: 'werkervaring', part: 'B1', pointer: '/workExperience' },
  { key: 'cvAndMotivation', slug: 'cv-en-motivatie', part: 'B2', pointer: '/cvAndMotivation' },
  { key: 'case-1', slug: 'casus-1', part: 'C', pointer: '/cases/0', label: 'case1' },
  { key: 'case-2', slug: 'casus-2', part: 'C', pointer: '/cases/1', label: 'case2' },
  { key: 'developmentPlan', slug: 'ontwikkelplan', part: 'D', pointer: '/developmentPlan' },
  { key: 'declarations', slug: 'verklaringen', part: 'E', pointer: '/declarations' },
];

export function sectionBySlug(slug: string | undefined): SectionInfo | undefined {
  return SECTIONS.find((s) => s.slug === slug);
}

export function sectionByKey(key: string | null | undefined): SectionInfo | undefined {
  return SECTIONS.find((s) => s.key === key);
}

/** A finding's document pointer, made relative to its section ('/cases/1/tasks/3' → case-2, '/tasks/3'). */
export function localPointer(path: string): { section: SectionInfo; pointer: string } | null {
  for (const s of SECTIONS) {
    if (path === s.pointer || path.startsWith(`${s.pointer}/`)) return { section: s, pointer: path.slice(s.pointer.length) };
  }
  if (path === '/cases') return { section: SECTIONS[3]!, pointer: '' };
  return null;
}
