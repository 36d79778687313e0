/** Texts shown to people are Dutch first, English second, in one string. */
export function bilingual(nl: string, en: string): string {
  return `${nl} / ${en}`;
}
