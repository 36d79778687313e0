import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'nl' | 'en';

/** Every text of the portal, Dutch first. Rulebook texts (labels, guidance, findings) come from the API. */
const texts = {
  appName: ['Kandidaatportaal', 'Candidate portal'],
  registerName: ['Register Loopbaanprofessional', 'Register Loopbaanprofessional'],
  skipToContent: ['Naar de inhoud', 'Skip to content'],
  switchLanguage: ['English', 'Nederlands'],
  switchLanguageLabel: ['Switch to English', 'Schakel naar Nederlands'],
  logIn: ['Inloggen', 'Log in'],
  logOut: ['Uitloggen', 'Log out'],
  register: ['Account aanmaken', 'Create an account'],
  email: ['E-mailadres', 'E-mail address'],
  password: ['Wachtwoord', 'Password'],
  passwordHint: ['Minstens 12 tekens. Een zin van een paar woorden werkt goed.', 'At least 12 characters. A sentence of a few words works well.'],
  displayName: ['Volledige naam', 'Full name'],
  displayNameHint: ['Zoals die op je certificaat en in het register moet komen.', 'As it should appear on your certificate and in the register.'],
  organisation: ['Organisatie (optioneel)', 'Organisation (optional)'],
  organisationHint: ['Waar je werkt; we gebruiken dit om belangenverstrengeling met assessoren te voorkomen.', 'Where you work; used to avoid conflicts of interest with assessors.'],
  noAccountYet: ['Nog geen account?', 'No account yet?'],
  haveAccount: ['Heb je al een account?', 'Already have an account?'],
  loginTitle: ['Inloggen op het kandidaatportaal', 'Log in to the candidate portal'],
  loginIntro: ['Hier stel je je portfolio samen voor de certificering Register Loopbaanprofessional.', 'Here you assemble your portfolio for the Register Loopbaanprofessional certification.'],
  registerTitle: ['Account aanmaken', 'Create an account'],
  registered: ['Je account is aangemaakt. Je bent nu ingelogd.', 'Your account has been created. You are now logged in.'],
  home: ['Mijn dossier', 'My dossier'],
  documents: ['Documenten', 'Documents'],
  myData: ['Mijn gegevens', 'My data'],
  loading: ['Bezig met laden…', 'Loading…'],
  retry: ['Opnieuw proberen', 'Try again'],
  error: ['Er ging iets mis', 'Something went wrong'],
  offlineBanner: ['Je bent offline. Wat je typt blijft bewaard op dit apparaat en wordt verstuurd zodra de verbinding terug is.', 'You are offline. What you type is kept on this device and sent as soon as the connection returns.'],
  startPortfolio: ['Begin je portfolio', 'Start your portfolio'],
  noPortfolio: ['Je hebt nog geen portfolio. Begin wanneer je er klaar voor bent; alles wordt tussentijds bewaard.', 'You have no portfolio yet. Start when you are ready; everything is saved as you go.'],
  status: ['Status', 'Status'],
  nextStep: ['Wat je nu kunt doen', 'What to do next'],
  openPortfolio: ['Verder met je portfolio', 'Continue your portfolio'],
  progress: ['Voortgang', 'Progress'],
  parts: ['Onderdelen', 'Parts'],
  checklist: ['Wat nog ontbreekt', 'What is still missing'],
  nothingMissing: ['Er ontbreekt niets meer. Je kunt je portfolio indienen.', 'Nothing is missing. You can submit your portfolio.'],
  warnings: ['Let op', 'Please note'],
  taskMatrix: ['Taken per casus', 'Tasks per case'],
  task: ['Taak', 'Task'],
  described: ['beschreven', 'described'],
  notRelevant: ['niet relevant', 'not relevant'],
  missing: ['ontbreekt', 'missing'],
  knowledgeAreas: ['Kennisgebieden', 'Knowledge areas'],
  competences: ['Competenties', 'Competences'],
  save: ['Opslaan', 'Save'],
  saved: ['Opgeslagen', 'Saved'],
  saving: ['Bezig met opslaan…', 'Saving…'],
  unsaved: ['Nog niet opgeslagen', 'Not saved yet'],
  offline: ['Offline — bewaard op dit apparaat', 'Offline — kept on this device'],
  saveFailed: ['Opslaan mislukt', 'Saving failed'],
  conflictTitle: ['Dit onderdeel is intussen ergens anders gewijzigd', 'This part was changed elsewhere in the meantime'],
  conflictIntro: ['Bijvoorbeeld in een ander tabblad. Kies per veld welke tekst je wilt houden; er gaat niets verloren tot je kiest.', 'For example in another tab. Choose per field which text to keep; nothing is lost until you choose.'],
  conflictMine: ['Mijn versie (hier getypt)', 'My version (typed here)'],
  conflictTheirs: ['Opgeslagen versie (elders)', 'Saved version (elsewhere)'],
  keepMine: ['Mijn versie houden', 'Keep my version'],
  keepTheirs: ['Opgeslagen versie houden', 'Keep the saved version'],
  guidance: ['Handreiking', 'Guidance'],
  indicators: ['Indicatoren', 'Indicators'],
  koppeling: ['Koppeling', 'Link'],
  findingsHere: ['Nog te doen in dit onderdeel', 'Still to do in this part'],
  addItem: ['Toevoegen', 'Add'],
  removeItem: ['Verwijderen', 'Remove'],
  yes: ['Ja', 'Yes'],
  no: ['Nee', 'No'],
  chooseOption: ['— kies —', '— choose —'],
  chooseDocument: ['— kies een geüpload document —', '— choose an uploaded document —'],
  uploadNew: ['Nieuw document uploaden', 'Upload a new document'],
  uploadTitle: ['Documenten uploaden', 'Upload documents'],
  uploadIntro: ['PDF, JPEG of PNG, tot 20 MB per bestand. Sleep bestanden hierheen of kies ze.', 'PDF, JPEG or PNG, up to 20 MB each. Drag files here or choose them.'],
  chooseFiles: ['Bestanden kiezen', 'Choose files'],
  dropHere: ['Sleep je bestanden hierheen', 'Drop your files here'],
  uploading: ['Bezig met uploaden', 'Uploading'],
  checking: ['Bezig met controleren', 'Checking'],
  uploaded: ['Geüpload en gecontroleerd', 'Uploaded and checked'],
  refused: ['Geweigerd', 'Refused'],
  fileName: ['Bestand', 'File'],
  fileType: ['Soort', 'Type'],
  fileSize: ['Grootte', 'Size'],
  checksum: ['Controlegetal (SHA-256)', 'Checksum (SHA-256)'],
  uploadedAt: ['Geüpload op', 'Uploaded on'],
  download: ['Downloaden', 'Download'],
  delete: ['Verwijderen', 'Delete'],
  deleteConfirm: ['Dit document verwijderen?', 'Delete this document?'],
  noDocuments: ['Je hebt nog geen documenten geüpload.', 'You have not uploaded any documents yet.'],
  previewPdf: ['Voorbeeld als PDF (concept)', 'Preview as PDF (draft)'],
  submittedPdf: ['Ingediend portfolio als PDF', 'Submitted portfolio as PDF'],
  submitTitle: ['Indienen', 'Submit'],
  submitIntro: ['Controleer je portfolio nog één keer. Na het indienen wordt alles vastgelegd zoals het nu is en kun je het niet meer wijzigen.', 'Check your portfolio once more. Once submitted, everything is frozen as it is now and can no longer be changed.'],
  submitWhatFrozen: ['Wat wordt vastgelegd', 'What will be frozen'],
  submitButton: ['Portfolio definitief indienen', 'Submit portfolio for good'],
  submitting: ['Bezig met indienen…', 'Submitting…'],
  notReady: ['Je portfolio is nog niet compleet. Vul eerst aan wat ontbreekt.', 'Your portfolio is not complete yet. First add what is missing.'],
  submittedTitle: ['Je portfolio is ingediend', 'Your portfolio has been submitted'],
  submittedIntro: ['Je portfolio is vastgelegd. Bewaar dit controlegetal: het bewijst welke inhoud je hebt ingediend.', 'Your portfolio has been frozen. Keep this checksum: it proves which content you submitted.'],
  snapshotHash: ['Controlegetal van je inzending', 'Checksum of your submission'],
  submittedAt: ['Ingediend op', 'Submitted on'],
  regulations: ['Reglementen', 'Regulations'],
  regulationsIntro: ['Bij het indienen verklaar je de gedragscode en het klachtenreglement te accepteren, in de versie die dan geldt.', 'When submitting you declare that you accept the code of conduct and the complaints procedure, in the version then in force.'],
  acceptedVersion: ['Door jou geaccepteerd', 'Accepted by you'],
  currentVersion: ['Geldende versie', 'Current version'],
  notAccepted: ['nog niet geaccepteerd', 'not accepted yet'],
  accept: ['Accepteren', 'Accept'],
  acceptCurrent: ['Ik heb de geldende versie gelezen en accepteer haar', 'I have read the current version and accept it'],
  newerVersion: ['Er is een nieuwere versie. Lees wat er veranderd is en accepteer haar opnieuw.', 'There is a newer version. Read what changed and accept it again.'],
  changes: ['Wijzigingen', 'Changes'],
  readText: ['Tekst lezen', 'Read the text'],
  interview: ['Certificeringsgesprek', 'Certification interview'],
  noSlotsYet: ['De assessoren hebben nog geen momenten aangeboden. Je krijgt ze hier te zien zodra dat gebeurt.', 'The assessors have not offered any times yet. You will see them here as soon as they do.'],
  bookSlot: ['Dit moment kiezen', 'Choose this time'],
  yourBooking: ['Je afspraak', 'Your appointment'],
  cancelBooking: ['Afspraak annuleren', 'Cancel the appointment'],
  moveBooking: ['Ander moment kiezen', 'Choose another time'],
  invitation: ['Uitnodiging (.ics) downloaden', 'Download invitation (.ics)'],
  decision: ['Besluit', 'Decision'],
  letter: ['Besluitbrief (PDF)', 'Decision letter (PDF)'],
  certificate: ['Certificaat (PDF)', 'Certificate (PDF)'],
  exportData: ['Al mijn gegevens downloaden (ZIP)', 'Download all my data (ZIP)'],
  exportIntro: ['Alles wat het platform over je bewaart, met je bestanden (AVG).', 'Everything the platform keeps about you, with your files (GDPR).'],
  account: ['Account', 'Account'],
  back: ['Terug', 'Back'],
  overview: ['Overzicht', 'Overview'],
  notFound: ['Deze pagina bestaat niet.', 'This page does not exist.'],
  sessionExpired: ['Je sessie is verlopen. Log opnieuw in; wat je typte is bewaard.', 'Your session has expired. Log in again; what you typed has been kept.'],
  case1: ['Casus 1', 'Case 1'],
  case2: ['Casus 2', 'Case 2'],
  signNow: ['Ondertekenen', 'Sign'],
  signedOn: ['Ondertekend op', 'Signed on'],
  viewOnly: ['Je portfolio is ingediend; dit onderdeel is alleen nog te lezen.', 'Your portfolio has been submitted; this part is read-only.'],
  words: ['woorden', 'words'],
  language: ['Taal', 'Language'],
  main: ['Hoofdmenu', 'Main menu'],
  partsNav: ['Onderdelen van het portfolio', 'Parts of the portfolio'],
  lineAdded: ['Toegevoegd:', 'Added:'],
  lineRemoved: ['Geschrapt:', 'Removed:'],
  inForceFrom: ['Geldt vanaf', 'In force from'],
  cancelConfirm: ['Weet je zeker dat je je afspraak wilt annuleren? Je kunt daarna opnieuw een moment kiezen.', 'Are you sure you want to cancel your appointment? You can choose a time again afterwards.'],
  interviewWas: ['Je gesprek', 'Your interview'],
  supplementPortfolio: ['Portfolio aanvullen', 'Supplement your portfolio'],
  supplementIntro: ['Je ingediende inhoud staat klaar in een nieuw portfolio. Vul aan wat het besluit vraagt, verklaar opnieuw en dien het weer in.', 'Your submitted content is ready in a new portfolio. Add what the decision asks for, make the declarations again and submit it once more.'],
  certificateNumber: ['Certificaatnummer', 'Certificate number'],
  validUntil: ['Geldig tot en met', 'Valid until'],
  decidedOn: ['Besloten op', 'Decided on'],
  acceptedOn: ['Geaccepteerd op', 'Accepted on'],
  slotsOffered: ['Kies een van deze momenten. Beide assessoren zijn er dan bij.', 'Choose one of these times. Both assessors will be there.'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof texts;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: TextKey): string;
  /** Picks the language's half of a bilingual text from the API ("nl\n\nen" descriptions, {nl,en} objects). */
  pick(text: string | { nl?: string; en?: string } | undefined | null): string;
  /** An API error message ("Nederlands / English", ADR 0004) in the chosen language. */
  message(text: string): string;
  date(iso: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
  bytes(n: number): string;
}

const Context = createContext<I18n | null>(null);
const STORAGE_KEY = 'rlp.lang';
const TIME_ZONE = 'Europe/Amsterdam';

export function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    return {
      lang,
      setLang,
      t: (key) => texts[key][lang === 'nl' ? 0 : 1],
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
        if (!iso) return '';
        // A bare date (YYYY-MM-DD) is a calendar day, not a moment: show it as that day.
        const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
      },
      dateTime(iso) {
        if (!iso) return '';
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
      },
      bytes(n) {
        const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
        if (n < 1024) return `${n} B`;
        if (n < 1024 * 1024) return `${f.format(n / 1024)} kB`;
        return `${f.format(n / 1024 / 1024)} MB`;
      },
    };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
