import { FIRST_NAMES, HONORIFICS, PUBLIC_NAMES, SURNAMES, TUSSENVOEGSELS } from './names.data';

beforeEach(() => expect.hasAssertions());

describe('the name lists', () => {
  it('hold a few hundred names each, without duplicates', () => {
    expect(FIRST_NAMES.length).toBeGreaterThanOrEqual(300);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(250);
    expect(new Set(FIRST_NAMES).size).toBe(FIRST_NAMES.length);
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
  });

  it('spell names with a capital and tussenvoegsels and titles in lower case', () => {
    expect([...FIRST_NAMES, ...SURNAMES].filter((n) => !/^\p{Lu}[\p{L}'-]+$/u.test(n))).toEqual([]);
    expect(SURNAMES.filter((n) => TUSSENVOEGSELS.includes(n.toLowerCase()))).toEqual([]);
    expect([...TUSSENVOEGSELS, ...HONORIFICS].filter((t) => t !== t.toLowerCase())).toEqual([]);
    expect(PUBLIC_NAMES.every((n) => n.includes(' '))).toBe(true);
  });
});
