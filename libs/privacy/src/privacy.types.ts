/** What the privacy check reports. Pure data: no framework, no I/O. */

/** The kinds of identifying data the check looks for, in the order it prefers them when two overlap. */
export const PRIVACY_KINDS = ['email', 'socialProfile', 'iban', 'bsn', 'phone', 'address', 'birthDate', 'personName'] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** One likely piece of identifying data in a text: where it is, what it is, what to put instead. */
export interface PrivacyHit {
  readonly kind: PrivacyKind;
  /** Offset of the first character (UTF-16 code units, as JavaScript strings count). */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
  /** The matched text, `text.slice(start, end)`. */
  readonly text: string;
  /** The suggested replacement, e.g. `[cliënt]`, `[e-mailadres]`. */
  readonly placeholder: string;
}

/** A hit in a portfolio document: always a warning, never blocking submission. */
export interface PrivacyWarning extends PrivacyHit {
  /** e.g. `PRIVACY.EMAIL` */
  readonly code: string;
  readonly severity: 'warning';
  /** JSON Pointer (RFC 6901) of the text field in the portfolio document, e.g. `/cases/0/tasks/3/text`. */
  readonly pointer: string;
  readonly message: LocalizedText;
}

export interface PrivacyOptions {
  /**
   * The year "now" (the check reads no clock): a full date whose year is 15 to 90 years before it
   * is a plausible date of birth.
   */
  readonly referenceYear: number;
  /**
   * Names and words that are not identifying here, e.g. the candidate's own name: a person-name
   * hit whose text equals one of these (ignoring case and spacing), or is part of one, is left out.
   */
  readonly allow?: readonly string[];
}

export const PLACEHOLDERS: Readonly<Record<PrivacyKind, string>> = {
  email: '[e-mailadres]',
  socialProfile: '[profiel]',
  iban: '[IBAN]',
  bsn: '[BSN]',
  phone: '[telefoonnummer]',
  address: '[adres]',
  birthDate: '[geboortedatum]',
  personName: '[cliënt]',
};

export const KIND_LABELS: Readonly<Record<PrivacyKind, LocalizedText>> = {
  email: { nl: 'e-mailadres', en: 'e-mail address' },
  socialProfile: { nl: 'link naar een profiel op sociale media', en: 'link to a social-media profile' },
  iban: { nl: 'rekeningnummer (IBAN)', en: 'bank account number (IBAN)' },
  bsn: { nl: 'burgerservicenummer (BSN)', en: 'citizen service number (BSN)' },
  phone: { nl: 'telefoonnummer', en: 'phone number' },
  address: { nl: 'adres', en: 'address' },
  birthDate: { nl: 'geboortedatum', en: 'date of birth' },
  personName: { nl: 'naam van een persoon', en: "a person's name" },
};
