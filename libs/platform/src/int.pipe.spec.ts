import { DomainError } from './domain-error';
import { PG_INT_MAX, VersionPipe } from './int.pipe';

describe('VersionPipe', () => {
  const pipe = new VersionPipe();
  const refused = (value: unknown) => {
    try {
      pipe.transform(value);
    } catch (e) {
      return e instanceof DomainError ? `${e.kind} ${e.code}` : 'other error';
    }
    return 'accepted';
  };

  it('accepts whole numbers from 0 to 2^31 − 1', () => {
    expect(pipe.transform('0')).toBe(0);
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform('007')).toBe(7);
    expect(pipe.transform(String(PG_INT_MAX))).toBe(2_147_483_647);
    // A number already converted by another pipe is held to the same range.
    expect(pipe.transform(3)).toBe(3);
    for (const value of [PG_INT_MAX + 1, -1, 1.5, Number.NaN, undefined, null]) expect({ value, result: refused(value) }).toEqual({ value, result: 'validation INVALID_VERSION' });
  });

  it('refuses everything else with 400 INVALID_VERSION, before a query could fail on it', () => {
    for (const value of ['2147483648', '3000000000', '99999999999', '9'.repeat(40), '-1', '1.5', '1e3', '0x1F', '+1', ' 1', '1 ', '', 'abc', 'Infinity', 'NaN', '١']) {
      expect({ value, result: refused(value) }).toEqual({ value, result: 'validation INVALID_VERSION' });
    }
  });
});
