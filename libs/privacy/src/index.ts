/**
 * @rlp/privacy — finds likely identifying data (AVG) in the free text of a portfolio's cases and
 * motivation. Pure TypeScript: no framework, no I/O, no clock (the reference year is a parameter),
 * so the same code runs in the API and, live while typing, in the kandidaatportaal.
 */
export { checkText, replaceHit } from './check-text';
export { checkPortfolio, checkValue, privacyReport, textFields, type PrivacyReport, type PrivacyScope } from './check-portfolio';
export { isValidBsn, isValidIban, IBAN_LENGTHS } from './checksums';
export * from './privacy.types';
