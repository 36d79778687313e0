import { isValidBsn, isValidIban } from './checksums';

beforeEach(() => expect.hasAssertions());

describe('BSN 11-proef', () => {
  it.each(['111222333', '628194821', '252760189', '507529170', '121547280', '385280841'])('%s passes', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each(['123456789', '526018159', '186091390', '993518190', '000000000', '12345678', '1234567890', '11122233a'])('%s fails', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});

describe('IBAN mod 97', () => {
  it.each(['NL91ABNA0417164300', 'NL70RABO1163726516', 'nl07ingb7612220297', 'BE68539007547034', 'DE89370400440532013000'])('%s passes', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    ['one digit changed', 'NL70RABO1163726517'],
    ['two digits swapped', 'NL70RABO1163727616'],
    ['wrong length for NL', 'NL91ABNA041716430'],
    ['unknown country', 'XX91ABNA0417164300'],
    ['letters in the check digits', 'NLAAABNA0417164300'],
  ])('%s fails (%s)', (_why, iban) => {
    expect(isValidIban(iban)).toBe(false);
  });
});
