/** The languages texts for people come in: Dutch (the authority, the default) and English. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text for people in both languages. */
export interface BilingualText {
  nl: string;
  en: string;
}

/** Joined texts made by `bilingual`, so one language can be taken out exactly (bounded: old ones go first). */
const KNOWN = new Map<string, BilingualText>();
const KNOWN_MAX = 5000;

/**
 * Texts shown to people are Dutch first, English second, in one string: the shape every answer
 * had before issue 14 and still has unless a language is asked for (`inLanguage`).
 */
export function bilingual(nl: string, en: string): string {
  const joined = `${nl} / ${en}`;
  if (!KNOWN.has(joined)) {
    if (KNOWN.size >= KNOWN_MAX) KNOWN.delete(KNOWN.keys().next().value!);
    KNOWN.set(joined, { nl, en });
  }
  return joined;
}

/**
 * One language of a joined text: exactly for texts made by `bilingual`; a text joined by hand
 * with one " / " is split there; anything else is returned as it is.
 */
export function inLanguage(text: string, lang: Lang): string {
  const known = KNOWN.get(text);
  if (known) return known[lang];
  const parts = text.split(' / ');
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') return lang === 'nl' ? parts[0]! : parts[1]!;
  return text;
}

/** Both languages of a joined text, for answers that give them as separate fields. */
export function bothLanguages(text: string): BilingualText {
  return { nl: inLanguage(text, 'nl'), en: inLanguage(text, 'en') };
}

export interface LanguageRequest {
  query?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The language a request asks for, or null for the joined default:
 * - `?lang=nl|en` always;
 * - otherwise `Accept-Language` (the best of nl and en by q-value; another language only: nl),
 *   except from a browser (a `Sec-Fetch-*` header, which browsers add to every request, or the
 *   `rlp_session` cookie): browsers send Accept-Language by themselves, and the web front ends
 *   choose the language of what they show from the joined text (ADR 0014).
 */
export function requestedLanguage(req: LanguageRequest): Lang | null {
  const query = req.query as Record<string, unknown> | undefined;
  const lang = query?.['lang'];
  if (lang === 'nl' || lang === 'en') return lang;
  const cookie = req.headers['cookie'];
  if (typeof cookie === 'string' && /(?:^|;\s*)rlp_session=/.test(cookie)) return null;
  if (req.headers['sec-fetch-mode'] !== undefined || req.headers['sec-fetch-site'] !== undefined) return null;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string' || header.trim() === '') return null;
  return acceptedLanguage(header);
}

/** The best of nl and en in an Accept-Language header (RFC 9110 §12.5.4); nl when neither is named. */
export function acceptedLanguage(header: string): Lang {
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = range.split('-')[0];
    if (primary !== 'nl' && primary !== 'en') continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'nl';
}
