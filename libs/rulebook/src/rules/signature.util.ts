import { isIsoDate, type IsoDate } from '../dates/calendar-date.util';
import { localized, type LocalizedText } from '../text/localized-text.util';

export type SignatureProblem = 'not_signed' | 'date_missing' | 'date_after_reference_date';

/**
 * A declaration is signed (or accepted) when the flag is true and it carries a valid date that is not
 * after the reference date.
 */
export function signatureProblem(flag: unknown, date: unknown, referenceDate: IsoDate): SignatureProblem | null {
  if (flag !== true) return 'not_signed';
  if (!isIsoDate(date)) return 'date_missing';
  if (date > referenceDate) return 'date_after_reference_date';
  return null;
}

export function signatureMessage(problem: SignatureProblem, what: LocalizedText, verb: 'signed' | 'accepted'): LocalizedText {
  const signed = verb === 'signed';
  switch (problem) {
    case 'not_signed':
      return localized(`Nog niet ${signed ? 'ondertekend' : 'geaccepteerd'}: ${what.nl}`, `Not ${verb} yet: ${what.en}`);
    case 'date_missing':
      return localized(
        `De datum van ${signed ? 'ondertekening' : 'acceptatie'} ontbreekt: ${what.nl}`,
        `The date it was ${verb} is missing: ${what.en}`,
      );
    case 'date_after_reference_date':
      return localized(
        `De datum van ${signed ? 'ondertekening' : 'acceptatie'} ligt na de peildatum: ${what.nl}`,
        `The date it was ${verb} lies after the reference date: ${what.en}`,
      );
  }
}
