import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * Dutch first, English second, for every portal: a text table per app (each entry `[nl, en]`),
 * one provider that keeps the choice in localStorage and sets `<html lang>`, and formatting of
 * dates and times in Europe/Amsterdam with the Dutch (or British English) conventions.
 */
export type Lang = 'nl' | 'en';
export type TextTable = Record<string, readonly [string, string]>;
export type Bilingual = string | { nl?: string; en?: string } | undefined | null;

/** Texts every portal shares (the shell, loading and errors). */
export const commonTexts = {
  registerName: ['Register Loopbaanprofessional', 'Register Loopbaanprofessional'],
  skipToContent: ['Naar de inhoud', 'Skip to content'],
  switchLanguage: ['English', 'Nederlands'],
  switchLanguageLabel: ['Switch to English', 'Schakel naar Nederlands'],
  logIn: ['Inloggen', 'Log in'],
  logOut: ['Uitloggen', 'Log out'],
  logOutUnsaved: [
    'Op dit apparaat staan nog wijzigingen die niet zijn opgeslagen (bijvoorbeeld omdat je offline was). Als je nu uitlogt, worden ze van dit apparaat verwijderd. Toch uitloggen?',
    'This device still holds changes that were not saved (for example because you were offline). Logging out now removes them from this device. Log out anyway?',
  ],
  email: ['E-mailadres', 'E-mail address'],
  password: ['Wachtwoord', 'Password'],
  loading: ['Bezig met laden…', 'Loading…'],
  retry: ['Opnieuw proberen', 'Try again'],
  error: ['Er ging iets mis', 'Something went wrong'],
  main: ['Hoofdmenu', 'Main menu'],
  notFound: ['Deze pagina bestaat niet.', 'This page does not exist.'],
} as const satisfies TextTable;

export interface I18n<Key extends string = keyof typeof commonTexts> {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: Key): string;
  /** Picks the language's half of a bilingual text from the API ("nl\n\nen" descriptions, {nl,en} objects). */
  pick(text: Bilingual): string;
  /** An API error message ("Nederlands / English", ADR 0004) in the chosen language. */
  message(text: string): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  /** A time of day (hh:mm) in Europe/Amsterdam. */
  time(iso: string | null | undefined): string;
  bytes(n: number): string;
}

const STORAGE_KEY = 'rlp.lang';
export const TIME_ZONE = 'Europe/Amsterdam';
const Context = createContext<I18n<string> | null>(null);

export function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

function makeI18n(texts: TextTable, lang: Lang, setLang: (l: Lang) => void): I18n<string> {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  const fmt = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
  return {
    lang,
    setLang,
    t: (key) => texts[key]?.[lang === 'nl' ? 0 : 1] ?? key,
    pick(text) {
      if (!text) return '';
      if (typeof text === 'object') return (lang === 'nl' ? text.nl : text.en) ?? text.nl ?? text.en ?? '';
      const [nl, en] = text.split('\n\n');
      return lang === 'en' && en ? en : (nl ?? '');
    },
    message(text) {
      const i = text.indexOf(' / ');
      if (i < 0) return text;
      return lang === 'nl' ? text.slice(0, i) : text.slice(i + 3);
    },
    date(iso) {
      // A bare date (YYYY-MM-DD) is a calendar day, not a moment: show it as that day.
      return fmt(dateFmt, iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
    },
    dateTime: (iso) => fmt(dateTimeFmt, iso),
    time: (iso) => fmt(timeFmt, iso),
    bytes(n) {
      const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      if (n < 1024) return `${n} B`;
      if (n < 1024 * 1024) return `${f.format(n / 1024)} kB`;
      return `${f.format(n / 1024 / 1024)} MB`;
    },
  };
}

/** One app's i18n: its own texts on top of the shared ones. */
export function createI18n<T extends TextTable>(appTexts: T) {
  const texts: TextTable = { ...commonTexts, ...appTexts };
  type Key = Extract<keyof T | keyof typeof commonTexts, string>;

  function I18nProvider({ children }: { children: ReactNode }) {
    const [lang, setLangState] = useState<Lang>(initialLang);
    useEffect(() => {
      document.documentElement.lang = lang;
    }, [lang]);
    const setLang = useCallback((next: Lang) => {
      localStorage.setItem(STORAGE_KEY, next);
      setLangState(next);
    }, []);
    const value = useMemo(() => makeI18n(texts, lang, setLang), [lang, setLang]);
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }

  function useI18n(): I18n<Key> {
    return useBaseI18n() as I18n<Key>;
  }

  return { I18nProvider, useI18n };
}

/** The shared texts and formatting, for components every portal uses. */
export function useBaseI18n(): I18n {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx as I18n;
}
