import { checkText, replaceHit } from './check-text';
import type { PrivacyKind } from './privacy.types';

beforeEach(() => expect.hasAssertions());

const OPTIONS = { referenceYear: 2026 };
const hits = (text: string, options = OPTIONS) => checkText(text, options).map((h) => [h.kind, h.text]);
const only = (kind: PrivacyKind, text: string) => checkText(text, OPTIONS).filter((h) => h.kind === kind).map((h) => h.text);

describe('e-mail addresses', () => {
  it.each(['jan.jansen@gmail.com', 'a.yildiz@zorggroep-noord.nl', 'Y.Benali@Outlook.COM', 'info+casus@praktijk.example.org', 'zoë@voorbeeld.nl'])('finds %s', (address) => {
    expect(hits(`Mail: ${address}, graag.`)).toEqual([['email', address]]);
  });

  it.each(['jan@', '@praktijk', 'naam at gmail dot com', 'versie 2.0@home'])('leaves %s', (text) => {
    expect(only('email', text)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each(['06-12345678', '0612345678', '06 1234 5678', '06 12 34 56 78', '010-1234567', '030 234 56 78', '0599-123456', '(010) 123 45 67', '010 - 432 11 87', '+31 6 12345678', '+31 (0)6 12345678', '+31612345678', '0031 20 123 4567', '+49 30 1234567', '+32 2 123 45 67'])(
    'finds %s',
    (n) => {
      expect(hits(`Bel ${n} na vijven.`)).toEqual([['phone', n]]);
    },
  );

  it.each([
    ['nine digits after +31', '+31 6 1234567'],
    ['too few digits', '06-1234567'],
    ['too many digits', '06-123456789'],
    ['a date', '01-02-1985'],
    ['no area code starts with 00', '0001234567'],
    ['a year range', '2019-2021'],
    ['an amount', '€ 0,50'],
  ])('leaves %s (%s)', (_why, n) => {
    expect(only('phone', `Zie ${n} hier.`)).toEqual([]);
  });
});

describe('BSN', () => {
  it.each(['628194821', '2527.60.189', '385 280 841', '1215 47 280'])('finds the valid %s', (n) => {
    expect(hits(`BSN ${n} op het formulier`)).toEqual([['bsn', n]]);
  });

  it.each(['123456789', '526018159', '993.518.190', '186 091 390'])('leaves %s (fails the 11-proef)', (n) => {
    expect(only('bsn', `nummer ${n} op het formulier`)).toEqual([]);
  });

  it('leaves nine valid digits inside a longer number', () => {
    expect(only('bsn', 'kenmerk 1628194821 en 628194821-2')).toEqual([]);
  });
});

describe('IBAN', () => {
  it.each(['NL70 RABO 1163 7265 16', 'NL70RABO1163726516', 'DE89 3704 0044 0532 0130 00', 'BE68 5390 0754 7034'])('finds the valid %s', (n) => {
    expect(hits(`Rekening ${n} ten name van HR`)).toEqual([['iban', n]]);
  });

  it.each(['NL70 RABO 1163 7265 17', 'NL70RABO116372651', 'NL91ABNA04171643001'])('leaves %s (checksum or length)', (n) => {
    expect(only('iban', `Rekening ${n} ten name van HR`)).toEqual([]);
  });
});

describe('addresses', () => {
  it.each(['Dorpsstraat 7', 'Populierenlaan 14, 3512 KL Utrecht', 'Merelstraat 23-2, 2022 ZB Haarlem', 'Kastanjelaan 3b', '3512 KL 14', '5038EA, 112'])('finds %s', (a) => {
    expect(hits(`Ze woont op ${a} sinds kort.`)).toEqual([['address', a]]);
  });

  it.each(['het kantoor aan de Coolsingel', 'de Kalverstraat in Amsterdam', 'postcode 3512 KL', 'sinds 2019 aan de Stationsweg', 'de Oranjelaan 2019 renovatie'])('leaves "%s"', (text) => {
    expect(only('address', text)).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['geboren op 12-03-1985', '12-03-1985'],
    ['geb. 21/11/1973', '21/11/1973'],
    ['geboortedatum: 2000-01-31', '2000-01-31'],
    ['op 2 februari 1968 geboren', '2 februari 1968'],
    ['born 3 May 1990', '3 May 1990'],
    ['haar gegevens: 7 juni 1991, Leiden', '7 juni 1991'],
  ])('finds it in "%s"', (text, date) => {
    expect(only('birthDate', text)).toEqual([date]);
  });

  it.each([
    ['a session date', 'de sessie op 14 maart 2025'],
    ['a recent numeric date', 'intake op 03-10-2024'],
    ['a start date', 'sinds 1 januari 2008 in dienst'],
    ['a year alone', 'geboren in 1985'],
    ['a day without a year', 'jarig op 4 april'],
    ['an impossible date', 'geboren op 31-13-1980'],
    ['a birth date in the future', 'geboren op 01-01-2030'],
  ])('leaves %s', (_why, text) => {
    expect(only('birthDate', text)).toEqual([]);
  });

  it('counts from the reference year, not a clock', () => {
    expect(only('birthDate', 'de datum 02-02-2015 staat erop')).toEqual([]);
    expect(checkText('de datum 02-02-2015 staat erop', { referenceYear: 2040 }).map((h) => h.kind)).toEqual(['birthDate']);
  });
});

describe('social profiles', () => {
  it.each(['https://www.linkedin.com/in/pieter-bakker-8a1b2c/', 'nl.linkedin.com/in/merel', 'instagram.com/lotte.creatief', 'facebook.com/ahmed.hassan.1987', 'https://x.com/jorisbouwt', 'twitter.com/jan', 'tiktok.com/@mo.bouwt', 'youtube.com/@kanaal'])('finds %s', (url) => {
    expect(hits(`Zie ${url} voor meer.`)).toEqual([['socialProfile', url]]);
  });

  it('leaves the final full stop and non-profile sites', () => {
    expect(only('socialProfile', 'Zie x.com/jan. En www.werk.nl, box.com/map, linkedin.com en mijnbox.com/x.')).toEqual(['x.com/jan']);
  });
});

describe('person names', () => {
  it.each([
    ['Jan de Vries', 'Jan de Vries'],
    ['Kim De Bruin', 'Kim De Bruin'],
    ['Anna Maria van Leeuwen', 'Anna Maria van Leeuwen'],
    ['Jeroen van der Linden', 'Jeroen van der Linden'],
    ['Marieke Jansen-Visser', 'Marieke Jansen-Visser'],
    ['Fatima El Amrani', 'Fatima El Amrani'],
    ['Mohamed El Idrissi', 'Mohamed El Idrissi'],
    ['Jan Bakker Transport', 'Jan Bakker'],
    ['Marco Jansen van Randstad', 'Marco Jansen'],
    ['mevrouw Yilmaz', 'Yilmaz'],
    ['Mevrouw De Vries', 'De Vries'],
    ['dhr. Van den Berg', 'Van den Berg'],
    ["mevrouw Van 't Hof", "Van 't Hof"],
    ['J. de Vries', 'J. de Vries'],
    ['A.B. Jansen', 'A.B. Jansen'],
    ['mevrouw Roos, die', 'Roos'],
    ['dhr. Ali.', 'Ali'],
    ['familie De Groot', 'De Groot'],
  ])('finds it in "%s"', (text, name) => {
    expect(only('personName', `Ik sprak ${text} gisteren.`)).toEqual([name]);
  });

  it.each([
    ['a first name alone', 'Sanne vertelde over haar werk.'],
    ['a theory', 'de loopbaanfasen van Super en de typologie van Holland'],
    ['a theorist by full name', 'Donald Super en John Holland en Mark Savickas'],
    ['an organisation', 'Van Dijk Loopbaanadvies en Jansen Coaching & Training'],
    ['a first name and a place', 'Jan in Amsterdam en Eva op Texel'],
    ['a first name and an ordinary word', 'Sander Loopbaancoaching'],
    ['lower case', 'jan de vries'],
    ['a sentence break', 'met Sanne. De volgende sessie'],
    ['a title-like word inside another word', 'de training Leiderschap en het ingangsgesprek Vervolgens'],
    ['a title before an ordinary word', 'mevrouw De en mevrouw Nederland'],
  ])('leaves %s', (_why, text) => {
    expect(only('personName', text)).toEqual([]);
  });

  it('leaves the names it is told to allow (the candidate’s own)', () => {
    expect(checkText('Ik, Petra de Boer, werk sinds 2010 als coach.', { referenceYear: 2026, allow: ['Petra de Boer'] })).toEqual([]);
    expect(only('personName', 'Ik, Petra de Boer, werk sinds 2010 als coach.')).toEqual(['Petra de Boer']);
  });
});

describe('the hits together', () => {
  it('reports offsets, text and placeholder; overlapping kinds keep the stronger one', () => {
    const text = 'Mail jan.devries@gmail.com of bel 06-12345678.';
    const found = checkText(text, OPTIONS);
    expect(found).toEqual([
      { kind: 'email', start: 5, end: 26, text: 'jan.devries@gmail.com', placeholder: '[e-mailadres]' },
      { kind: 'phone', start: 34, end: 45, text: '06-12345678', placeholder: '[telefoonnummer]' },
    ]);
    for (const h of found) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it('gives nothing for an empty text', () => {
    expect(checkText('', OPTIONS)).toEqual([]);
  });

  it('replaces a hit by its placeholder, follows the text when typing moved it, and leaves a text without it', () => {
    const text = 'Met Jan de Vries besproken.';
    const [hit] = checkText(text, OPTIONS);
    expect(replaceHit(text, hit!)).toBe('Met [cliënt] besproken.');
    expect(replaceHit(text, hit!, '[collega]')).toBe('Met [collega] besproken.');
    expect(replaceHit('Eerst Jan de Vries, toen ook met Jan de Vries besproken.', { ...hit!, start: 32, end: 44 })).toBe('Eerst Jan de Vries, toen ook met [cliënt] besproken.');
    expect(replaceHit('Met X besproken.', hit!)).toBe('Met X besproken.');
  });
});
