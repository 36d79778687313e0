import { acceptedLanguage, bilingual, bothLanguages, inLanguage, requestedLanguage } from './bilingual';

describe('texts for people in one or both languages', () => {
  it('joins Dutch first, and takes one language out exactly, even when a part holds " / "', () => {
    const text = bilingual('positief / negatief', 'positive / negative');
    expect(text).toBe('positief / negatief / positive / negative');
    expect(inLanguage(text, 'nl')).toBe('positief / negatief');
    expect(inLanguage(text, 'en')).toBe('positive / negative');
    expect(bothLanguages(text)).toEqual({ nl: 'positief / negatief', en: 'positive / negative' });
  });

  it('splits a text joined by hand at its one " / ", and leaves anything else alone', () => {
    expect(inLanguage('moet tekst zijn / must be text', 'en')).toBe('must be text');
    expect(inLanguage('moet tekst zijn / must be text', 'nl')).toBe('moet tekst zijn');
    expect(inLanguage('property x should not exist', 'nl')).toBe('property x should not exist');
    expect(inLanguage('a / b / c', 'en')).toBe('a / b / c');
  });

  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE,en;q=0.5,nl;q=0.7', 'nl'],
    ['de-DE,en;q=0.5', 'en'],
    ['fr', 'nl'],
    ['en;q=0, nl;q=0.1', 'nl'],
    ['*', 'nl'],
  ] as const)('Accept-Language %s → %s', (header, lang) => {
    expect(acceptedLanguage(header)).toBe(lang);
  });

  it('asks for a language by ?lang= or Accept-Language, not from a browser, and otherwise keeps the joined default', () => {
    expect(requestedLanguage({ query: {}, headers: {} })).toBeNull();
    expect(requestedLanguage({ query: { lang: 'en' }, headers: {} })).toBe('en');
    expect(requestedLanguage({ query: { lang: 'de' }, headers: { 'accept-language': 'en' } })).toBe('en');
    expect(requestedLanguage({ query: {}, headers: { 'accept-language': 'en-US,en;q=0.9' } })).toBe('en');
    // Browsers send Accept-Language by themselves; the web front ends pick the language from the joined text.
    expect(requestedLanguage({ query: {}, headers: { 'accept-language': 'en-US', 'sec-fetch-mode': 'cors' } })).toBeNull();
    expect(requestedLanguage({ query: {}, headers: { 'accept-language': 'en-US', cookie: 'a=1; rlp_session=abc' } })).toBeNull();
    expect(requestedLanguage({ query: { lang: 'en' }, headers: { 'sec-fetch-mode': 'cors' } })).toBe('en');
  });
});
