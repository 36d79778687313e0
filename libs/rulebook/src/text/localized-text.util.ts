/** The two languages the product speaks. Dutch first: it is the language of the toetsingskader. */
export type Lang = 'nl' | 'en';

export const LANGS: readonly Lang[] = ['nl', 'en'];

/** A text in Dutch and English. The Dutch text is the authority; the English one is a translation. */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** 1200 → "1.200" (nl) / "1,200" (en); 97.9 → "97,9" / "97.9". */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

/** Builds a LocalizedText from one template function, so both languages get the same numbers. */
export function localize(template: (lang: Lang) => string): LocalizedText {
  return { nl: template('nl'), en: template('en') };
}

/** Joins localized fragments per language. */
export function joinLocalized(parts: readonly LocalizedText[], separator: string): LocalizedText {
  return {
    nl: parts.map((p) => p.nl).join(separator),
    en: parts.map((p) => p.en).join(separator),
  };
}

/** A LocalizedText literal. */
export function localized(nl: string, en: string): LocalizedText {
  return { nl, en };
}

const MONTHS: Record<Lang, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2026-03-01' → '1 maart 2026' / '1 March 2026'. */
export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${MONTHS[lang][Number(month) - 1] ?? month} ${year}`;
}
