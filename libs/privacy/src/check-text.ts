import { IBAN_LENGTHS, isValidBsn, isValidIban } from './checksums';
import { FIRST_NAMES, HONORIFICS, PUBLIC_NAMES, SURNAMES, TUSSENVOEGSELS } from './data/names.data';
import { PLACEHOLDERS, PRIVACY_KINDS, type PrivacyHit, type PrivacyKind, type PrivacyOptions } from './privacy.types';

/**
 * Finds likely identifying data in one text. Every detector is a regular expression for the
 * candidates followed by a check that throws out look-alikes (a checksum, a length, a list of
 * names, the words around a date). Where two hits overlap, the kind earlier in PRIVACY_KINDS wins
 * (an e-mail address is not also a name). Hits come back in text order.
 */
export function checkText(text: string, options: PrivacyOptions): PrivacyHit[] {
  if (!text) return [];
  const found: PrivacyHit[] = [];
  for (const kind of PRIVACY_KINDS) {
    for (const [start, end] of DETECTORS[kind](text, options)) {
      if (found.some((h) => start < h.end && h.start < end)) continue;
      found.push({ kind, start, end, text: text.slice(start, end), placeholder: PLACEHOLDERS[kind] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The text with one hit replaced by its placeholder (or by `replacement`). When the text changed
 * since the check (typing goes on), the occurrence of the hit's text nearest to its old place is
 * replaced; when it is gone, the text comes back unchanged.
 */
export function replaceHit(text: string, hit: Pick<PrivacyHit, 'start' | 'end' | 'text' | 'placeholder'>, replacement = hit.placeholder): string {
  let start = text.slice(hit.start, hit.end) === hit.text ? hit.start : -1;
  if (start < 0 && hit.text) {
    for (let i = text.indexOf(hit.text); i >= 0; i = text.indexOf(hit.text, i + 1)) {
      if (start < 0 || Math.abs(i - hit.start) < Math.abs(start - hit.start)) start = i;
    }
  }
  if (start < 0) return text;
  return text.slice(0, start) + replacement + text.slice(start + hit.text.length);
}

type Span = [number, number];
type Detector = (text: string, options: PrivacyOptions) => Span[];

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

// ---------------------------------------------------------------- e-mail, social profiles

/** An address from the start of its local part (sticky: tried only where an @ is). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/uy;
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;

const SOCIAL_HOSTS = [
  'linkedin\\.com/(?:in|pub|profile)/',
  'facebook\\.com/',
  'fb\\.com/',
  'fb\\.me/',
  'instagram\\.com/',
  'twitter\\.com/',
  'x\\.com/',
  'tiktok\\.com/@',
  'youtube\\.com/(?:@|c/|user/|channel/)',
  'threads\\.net/@',
  'snapchat\\.com/add/',
  'pinterest\\.(?:com|nl)/',
  'bsky\\.app/profile/',
  'github\\.com/',
  'mastodon\\.[a-z]+/@',
  'wa\\.me/',
  't\\.me/',
];
const SOCIAL = new RegExp(`(?<![\\w@.-])(?:https?://)?(?:(?:www|m|mobile|nl|[a-z]{2})\\.)?(?:${SOCIAL_HOSTS.join('|')})[^\\s,;)"'<>]+`, 'giu');
/** A cheap first look: a profile link has one of these in it (searched as plain text, not as a pattern). */
const SOCIAL_HINTS = ['linkedin.', 'facebook.', 'fb.', 'instagram.', 'twitter.', 'x.com/', 'tiktok.', 'youtube.', 'threads.', 'snapchat.', 'pinterest.', 'bsky.', 'github.', 'mastodon.', 'wa.me/', 't.me/'];

function email(text: string): Span[] {
  // Only where an @ is: walk back to the start of the local part and match from there. A pattern
  // searched through the whole text would try every word.
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_PART_CHAR.test(text[start - 1]!)) start--;
    if (start === at || (spans.length && start < spans[spans.length - 1]![1])) continue;
    EMAIL.lastIndex = start;
    const m = EMAIL.exec(text);
    if (m) spans.push([start, start + m[0].length]);
  }
  return spans;
}

function socialProfile(text: string): Span[] {
  if (!text.includes('/')) return [];
  const lower = text.toLowerCase();
  if (!SOCIAL_HINTS.some((h) => lower.includes(h))) return [];
  return [...matches(SOCIAL, text)].map((m) => {
    // A sentence's full stop is not part of the link.
    const trimmed = m[0].replace(/[.!?:]+$/, '');
    return [m.index, m.index + trimmed.length] as Span;
  });
}

// ---------------------------------------------------------------- IBAN, BSN

const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])([A-Z]{2})(\d{2})((?: ?[A-Z0-9]){11,30})/gu;

function iban(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matches(IBAN_CANDIDATE, text)) {
    const length = IBAN_LENGTHS[m[1] ?? ''];
    if (length === undefined) continue;
    // Take exactly the country's number of characters, wherever the spaces fall.
    let count = 0;
    let end = m.index;
    while (end < text.length && count < length) {
      const ch = text[end]!;
      if (ch !== ' ') count++;
      else if (text[end + 1] === ' ') break;
      end++;
    }
    if (count !== length) continue;
    if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
    if (isValidIban(text.slice(m.index, end).replace(/ /g, ''))) spans.push([m.index, end]);
  }
  return spans;
}

const BSN_CANDIDATE = /(?<![\p{L}\p{N}.,+\-/])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4} \d{2} \d{3})(?![\p{L}\p{N}]|[.,\-/]\d)/gu;

function bsn(text: string): Span[] {
  return [...matches(BSN_CANDIDATE, text)].filter((m) => isValidBsn(m[0].replace(/[ .]/g, ''))).map((m) => [m.index, m.index + m[0].length]);
}

// ---------------------------------------------------------------- phone numbers

const INTERNATIONAL = /(?<![\p{L}\p{N}+])(?:\+|00)[ ]?[1-9](?:(?: ?[.\-/] ?| )?(?:\(0\)|\d)){7,16}(?![\p{L}\p{N}])/gu;
const NATIONAL = /(?<![\p{L}\p{N}+.,\-/])(?:\(0\d{1,3}\)|0)(?:(?: ?[.\-/] ?| )?\d){6,10}(?![\p{L}\p{N}]|[.,\-/]\d)/gu;

function phone(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matches(INTERNATIONAL, text)) {
    const digits = m[0].replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^00/, '');
    if (digits.startsWith('31')) {
      // +31 and 0031: nine digits follow the country code, never starting with 0.
      if (digits.length !== 11 || digits[2] === '0') continue;
    } else if (digits.length < 8 || digits.length > 15) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of matches(NATIONAL, text)) {
    const digits = m[0].replace(/\D/g, '');
    // Dutch numbers have ten digits with the leading 0; "00" starts an international number.
    if (digits.length !== 10 || digits[1] === '0') continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// ---------------------------------------------------------------- addresses

const POSTCODE = '[1-9]\\d{3} ?(?!SA|SD|SS)[A-Z]{2}';
const HOUSE_NUMBER = '\\d{1,5}(?: ?[a-zA-Z](?![\\p{L}\\p{N}]))?(?:[-/](?:\\d{1,4}|hs|bis|[A-Z])(?![\\p{L}\\p{N}]))?';
const STREET_SUFFIX = 'straat|straatweg|laan|weg|plein|gracht|burgwal|kade|singel|dijk|park|hof|pad|steeg|dreef|plantsoen|markt|baan|ring|wal|vliet|haven|kwartier|boulevard|allee|lei|pleintje|hoven|erf';
const ADDRESS = new RegExp(
  [
    // A capitalised word and a number, with a postcode (and place) when it follows: "Dorpsstraat 12a, 1234 AB Ergens".
    // Whether the word is a street name (its ending) is checked after the match: an alternation of endings
    // inside the pattern would be tried at every letter of every word.
    `(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{Ll}'-]*) ${HOUSE_NUMBER}(?:,? ${POSTCODE}(?: \\p{Lu}\\p{Ll}+(?:[- ]\\p{Lu}\\p{Ll}+)?)?)?(?![\\p{L}\\p{N}])`,
    // Postcode and number: "1234 AB 12", "1234AB, 12-3".
    `(?<![\\p{L}\\p{N}])${POSTCODE}(?:,? ?(?:nr\\.? ?|huisnummer ))?[ ,] ?${HOUSE_NUMBER}(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'gu',
);
const STREET = new RegExp(`(?:${STREET_SUFFIX})$`, 'u');

function address(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matches(ADDRESS, text)) {
    if (m[1] !== undefined && !STREET.test(m[1])) continue;
    // A year after a street-like word ("Oranjepark 2019") is no house number.
    const number = /(\d+)/.exec(m[0].replace(new RegExp(POSTCODE, 'u'), ''))?.[1] ?? '';
    if (number.length === 4 && /^(19|20)\d\d$/.test(number) && !new RegExp(POSTCODE, 'u').test(m[0])) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// ---------------------------------------------------------------- dates of birth

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';
const DATE = new RegExp(
  [
    `(?<![\\p{L}\\p{N}])(?:0?[1-9]|[12]\\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\\d{2}(?![\\p{L}\\p{N}]|[-/.]\\d)`,
    `(?<![\\p{L}\\p{N}])(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?![\\p{L}\\p{N}])`,
    `(?<![\\p{L}\\p{N}])(?:0?[1-9]|[12]\\d|3[01]) (?:${MONTHS})\\.? (?:19|20)\\d{2}(?![\\p{L}\\p{N}])`,
  ].join('|'),
  'giu',
);
/** Words that make a date a date of birth, in the 40 characters before it (or "geboren" just after). */
const BIRTH_BEFORE = /(?:geboren|geb\.|geboortedatum|geboortedag|geb\. ?datum|date of birth|born|d\.o\.b\.?|\bdob\b|verjaardag|jarig)[^.!?\n]{0,40}$/iu;
const BIRTH_AFTER = /^[^.!?\n]{0,15}(?:geboren|born)/iu;
/** Words that make an old date something else: a start, an end, a period. */
const NOT_BIRTH_BEFORE = /(?:sinds|vanaf|per|tot|t\/m|tussen|van|na|voor|in dienst|uit dienst|ontslag|diploma|behaald|gestart|begonnen|since|from|until)\s+(?:de|het|op)?\s*$/iu;

function yearOf(date: string): number {
  return Number(/(?:19|20)\d{2}/.exec(date.replace(/^(\d{1,2})[-/.](\d{1,2})[-/.]/, ''))?.[0] ?? /(?:19|20)\d{2}/.exec(date)?.[0]);
}

function birthDate(text: string, options: PrivacyOptions): Span[] {
  const spans: Span[] = [];
  for (const m of matches(DATE, text)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const year = yearOf(m[0]);
    const inContext = BIRTH_BEFORE.test(before) || BIRTH_AFTER.test(after);
    const plausible = year >= options.referenceYear - 90 && year <= options.referenceYear - 15 && !NOT_BIRTH_BEFORE.test(before);
    if ((inContext && year <= options.referenceYear) || plausible) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

// ---------------------------------------------------------------- person names

const firstNames = new Set(FIRST_NAMES);
const surnames = new Set(SURNAMES.map((s) => s.toLocaleLowerCase('nl')));
const publicNames = PUBLIC_NAMES.map(normalise);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word in lower case or with a capital first letter ("van der", "Van der"): the name words stay case-sensitive. */
const bothCases = (words: readonly string[]) =>
  [...new Set(words.flatMap((w) => [w, w.charAt(0).toLocaleUpperCase('nl') + w.slice(1)]))].sort((a, b) => b.length - a.length).map(escape).join('|');
const PARTICLES = `(?:(?:${bothCases(TUSSENVOEGSELS)})(?:\\s+|(?<=')))*`;
const CAPITALISED_PARTICLE = `(?:${bothCases(TUSSENVOEGSELS.filter((t) => /^[a-z]+$/.test(t)))})(?![\\p{L}\\p{N}])`;
const WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
/** First name (maybe two), tussenvoegsels, a capitalised word: "Jan van der Berg", "Anna-Maria De Vries". */
const CAPITALISED_WORD = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}`, 'gu');
const FULL_NAME = new RegExp(`(?<![\\p{L}\\p{N}])(${WORD})(?:\\s+(?!${CAPITALISED_PARTICLE})(${WORD}))?\\s+(${PARTICLES})(${WORD})(?![\\p{L}\\p{N}])`, 'uy');
/** A title or form of address just before a surname, and the tussenvoegsels between: "mevrouw De ", "dhr. van den ". */
const TITLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${bothCases(HONORIFICS)})\\s+(${PARTICLES})$`, 'u');
/** A cheap first look: only a text with one of the titles' words is searched for them. */
const HONORIFIC_HINT = new RegExp(`(?<![\\p{L}])(?:${[...new Set(HONORIFICS.map((h) => h.replace(/\.$/, '').split(' ').pop()!))].map(escape).join('|')})(?![\\p{L}])`, 'iu');
/** Initials just before a surname from the list: "J. de ", "A.B. ". */
const INITIALS_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}.])(?:\\p{Lu}\\.\\s?){1,4}(?:${PARTICLES})$`, 'u');
/** Single-word tussenvoegsels: never a surname on their own. */
const NAME_PARTICLE_WORDS = new Set(TUSSENVOEGSELS.filter((t) => !t.includes(' ')));

function normalise(s: string): string {
  return s.toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();
}

function isFirstName(word: string | undefined): boolean {
  return !!word && (firstNames.has(word) || (word.includes('-') && word.split('-').every((part) => firstNames.has(part))));
}

/** Particles that only occur in names ("van", "de", "ter"…), unlike "in" or "op", which also join a name to a place. */
const NAME_PARTICLES = new Set(['van', 'de', 'den', 'der', 'ter', 'ten', "'t", 'la', 'le', 'du', 'da', 'von', 'el', 'al', 'ben', 'bin', 'ait', "d'"]);
function hasNameParticle(particles: string): boolean {
  return particles.toLocaleLowerCase('nl').split(/\s+|(?<=')/).some((p) => NAME_PARTICLES.has(p));
}

function isCapitalised(word: string | undefined): boolean {
  return !!word && /^\p{Lu}/u.test(word);
}

function personName(text: string, options: PrivacyOptions): Span[] {
  const allowed = (options.allow ?? []).map(normalise).filter(Boolean);
  const spans: Span[] = [];
  const keep = (start: number, end: number) => {
    const name = normalise(text.slice(start, end));
    if (publicNames.some((p) => p === name || p.endsWith(` ${name}`))) return;
    if (allowed.some((a) => a === name || a.includes(name))) return;
    spans.push([start, end]);
  };
  const titles = HONORIFIC_HINT.test(text);
  /**
   * A capitalised word that is no first name is a surname after a title ("mevrouw De Vries",
   * "dhr. Yilmaz": the title stays) or after initials when it is on the list ("J. de Vries").
   * Only the few characters before the word are looked at, so the text is read once.
   */
  const surnameAfterTitleOrInitials = (word: string, index: number) => {
    if (NAME_PARTICLE_WORDS.has(word.toLocaleLowerCase('nl'))) return;
    const before = text.slice(Math.max(0, index - 40), index);
    const title = titles && !COMMON_CAPITALISED.has(word) ? TITLE_BEFORE.exec(before) : null;
    if (title) {
      keep(index - (title[1] ?? '').length, index + word.length);
      return;
    }
    if (!surnames.has(word.toLocaleLowerCase('nl'))) return;
    const initials = INITIALS_BEFORE.exec(before);
    if (initials) keep(index - initials[0].length, index + word.length);
  };
  // Every capitalised word that is a first name is tried as the start of a name (sticky match there):
  // "Met Jan de Vries" finds "Jan de Vries". Trying the whole pattern at every word costs ten times more.
  const re = FULL_NAME;
  CAPITALISED_WORD.lastIndex = 0;
  for (let w = CAPITALISED_WORD.exec(text); w; w = CAPITALISED_WORD.exec(text)) {
    if (!isFirstName(w[0])) {
      surnameAfterTitleOrInitials(w[0], w.index);
      continue;
    }
    re.lastIndex = w.index;
    const m = re.exec(text);
    if (!m) {
      // A first name can be a surname too ("mevrouw Roos", "J. Roos").
      surnameAfterTitleOrInitials(w[0], w.index);
      continue;
    }
    const [whole, first, second, particles = '', last = ''] = m;
    const firstIsName = isFirstName(first);
    // "Anna Maria de Vries": two first names; "Jan Bakker": the second word is the surname.
    const secondIsFirstName = isFirstName(second);
    const surname = last.toLocaleLowerCase('nl');
    const surnameKnown = surnames.has(surname) || surname.split('-').some((part) => surnames.has(part));
    let accepted = false;
    if (firstIsName && (second === undefined || secondIsFirstName)) {
      accepted = surnameKnown || (hasNameParticle(particles) && isCapitalised(last) && !COMMON_CAPITALISED.has(last));
    } else if (firstIsName && second !== undefined) {
      // "Jan Bakker Transport", "Marco Jansen van Randstad": the name is the first two words when
      // the second is a known surname.
      const s2 = second.toLocaleLowerCase('nl');
      if (surnames.has(s2)) {
        const end = m.index + whole.indexOf(second) + second.length;
        keep(m.index, end);
        CAPITALISED_WORD.lastIndex = end;
        continue;
      }
    }
    if (accepted) {
      keep(m.index, m.index + whole.length);
      CAPITALISED_WORD.lastIndex = m.index + whole.length;
    } else surnameAfterTitleOrInitials(w[0], w.index);
  }
  return spans;
}

/**
 * Capitalised words that follow a first name and a particle without being a surname: organisation
 * words and places ("Jan van Gemeente…" is rare; "Sander van Randstad" is a name and an employer, and stays a hit).
 */
const COMMON_CAPITALISED = new Set(['De', 'Het', 'Een', 'Ik', 'We', 'Wij', 'Zij', 'Hij', 'Ze', 'In', 'Op', 'Van', 'Met', 'Nederland', 'Nederlands', 'Engels', 'UWV', 'Gemeente']);

const DETECTORS: Readonly<Record<PrivacyKind, Detector>> = { email, socialProfile, iban, bsn, phone, address, birthDate, personName };
