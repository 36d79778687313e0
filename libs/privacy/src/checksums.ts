/** Checksums that separate real identifiers from numbers that only look like one. */

/**
 * The BSN's 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros).
 * `digits` is exactly nine digits.
 */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** IBAN lengths per country (ISO 13616 registry), for the countries a Dutch case text is likely to hold. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  NL: 18, BE: 16, DE: 22, FR: 27, GB: 22, LU: 20, ES: 24, IT: 27, PT: 25, IE: 22, AT: 20, CH: 21, DK: 18, SE: 24, NO: 15,
  FI: 18, PL: 28, CZ: 24, SK: 24, HU: 28, RO: 24, BG: 22, GR: 27, HR: 21, SI: 19, EE: 20, LV: 21, LT: 20, MT: 31, CY: 28,
  IS: 26, LI: 21, MC: 27, TR: 26, MA: 28, TN: 24, SA: 24, AE: 23,
};

/** ISO 7064 mod 97-10 over the IBAN moved four characters round: a valid IBAN gives 1. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined || iban.length !== length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}
