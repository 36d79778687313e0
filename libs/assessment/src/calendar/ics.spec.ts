import { foldLine, icsCalendar, type IcsEvent } from './ics';

// --- a tiny RFC 5545 reader, enough to check our own output -------------------------------------

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds (CRLF followed by one space or tab) and splits into content lines. */
function unfold(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

/** Splits a content line into name, parameters and value, honouring DQUOTE-quoted parameter values. */
function parseLine(line: string): Property {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new Error(`no value in ${JSON.stringify(line)}`);
  const head = line.slice(0, colon);
  const segments: string[] = [];
  let current = '';
  quoted = false;
  for (const char of head) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  const [name = '', ...rawParams] = segments;
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) throw new Error(`bad parameter ${JSON.stringify(raw)}`);
    const value = raw.slice(eq + 1);
    params[raw.slice(0, eq)] = value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return { name, params, value: line.slice(colon + 1) };
}

function parse(ics: string): Property[] {
  return unfold(ics).map(parseLine);
}

/** Reverses TEXT escaping (RFC 5545 §3.3.11); fails on an escape that the RFC does not define. */
function unescapeText(value: string): string {
  return value.replace(/\\(.)|\\$/g, (match, char: string | undefined) => {
    if (char === 'n' || char === 'N') return '\n';
    if (char === '\\' || char === ';' || char === ',') return char;
    throw new Error(`bad escape ${match} in ${value}`);
  });
}

/** TEXT must not contain an unescaped ; or , (a list separator). */
function expectWellEscaped(value: string): void {
  expect(value.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[\\;,]/);
}

function only(properties: Property[], name: string): Property {
  const found = properties.filter((property) => property.name === name);
  expect(found).toHaveLength(1);
  return found[0] as Property;
}

const octets = (line: string): number => Buffer.byteLength(line, 'utf8');

const hasControl = (value: string): boolean =>
  [...value].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

// --- fixtures ----------------------------------------------------------------------------------

const base: IcsEvent = {
  uid: 'b7c0a3a4-2f0e-4c7e-9d4b-8a1f2c3d4e5f@register-loopbaanprofessional.nl',
  sequence: 0,
  method: 'REQUEST',
  status: 'CONFIRMED',
  start: new Date('2026-12-03T13:00:00Z'),
  durationMinutes: 90,
  stamp: new Date('2026-11-20T08:15:42.123Z'),
  summary: 'Assessment Register Loopbaanprofessional',
  description: 'Criteriumgericht interview met de assessor.',
  location: 'Stationsplein 1, Utrecht',
  url: 'https://meet.example.nl/abc-def?pwd=x;y',
  organizer: { name: 'Noloc Certificering', email: 'certificering@noloc.nl' },
  attendees: [
    { name: 'Anna de Vries', email: 'anna@example.nl', role: 'REQ-PARTICIPANT' },
    { name: 'Bram Jansen', email: 'bram@example.nl', role: 'CHAIR' },
  ],
};

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({ ...base, ...overrides });

// --- tests -------------------------------------------------------------------------------------

describe('icsCalendar', () => {
  it('writes a complete REQUEST with CRLF line endings', () => {
    const ics = icsCalendar(event());
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF
    expect(unfold(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Noloc//Register Loopbaanprofessional//NL',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:b7c0a3a4-2f0e-4c7e-9d4b-8a1f2c3d4e5f@register-loopbaanprofessional.nl',
      'SEQUENCE:0',
      'DTSTAMP:20261120T081542Z',
      'DTSTART:20261203T130000Z',
      'DTEND:20261203T143000Z',
      'STATUS:CONFIRMED',
      'SUMMARY:Assessment Register Loopbaanprofessional',
      'DESCRIPTION:Criteriumgericht interview met de assessor.',
      'LOCATION:Stationsplein 1\\, Utrecht',
      'URL:https://meet.example.nl/abc-def?pwd=x;y',
      'ORGANIZER;CN="Noloc Certificering":mailto:certificering@noloc.nl',
      'ATTENDEE;CN="Anna de Vries";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:anna@example.nl',
      'ATTENDEE;CN="Bram Jansen";ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bram@example.nl',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('parses back into the properties it was given', () => {
    const properties = parse(icsCalendar(event({ sequence: 3 })));
    expect(properties.map((p) => p.name)).toEqual([
      'BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'BEGIN', 'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'STATUS',
      'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'ORGANIZER', 'ATTENDEE', 'ATTENDEE', 'END', 'END',
    ]);
    expect(only(properties, 'SEQUENCE').value).toBe('3');
    expect(unescapeText(only(properties, 'LOCATION').value)).toBe('Stationsplein 1, Utrecht');
    expect(only(properties, 'ORGANIZER')).toEqual({ name: 'ORGANIZER', params: { CN: 'Noloc Certificering' }, value: 'mailto:certificering@noloc.nl' });
    const attendees = properties.filter((p) => p.name === 'ATTENDEE');
    expect(attendees.map((a) => [a.params, a.value])).toEqual([
      [{ CN: 'Anna de Vries', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' }, 'mailto:anna@example.nl'],
      [{ CN: 'Bram Jansen', ROLE: 'CHAIR', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' }, 'mailto:bram@example.nl'],
    ]);
  });

  it('writes a CANCEL with the same UID and a higher SEQUENCE', () => {
    const request = parse(icsCalendar(event({ sequence: 1 })));
    const cancel = parse(icsCalendar(event({ sequence: 2, method: 'CANCEL', status: 'CANCELLED' })));
    expect(only(cancel, 'METHOD').value).toBe('CANCEL');
    expect(only(cancel, 'STATUS').value).toBe('CANCELLED');
    expect(only(cancel, 'UID').value).toBe(only(request, 'UID').value);
    expect(Number(only(cancel, 'SEQUENCE').value)).toBeGreaterThan(Number(only(request, 'SEQUENCE').value));
    expect(cancel.filter((p) => p.name === 'ATTENDEE')).toHaveLength(2);
  });

  it.each([
    [30, '20261203T130000Z', '20261203T133000Z'],
    [90, '20261203T130000Z', '20261203T143000Z'],
    [180, '20261203T223000Z', '20261204T013000Z'], // across midnight (UTC)
    [24 * 60, '20261231T120000Z', '20270101T120000Z'], // across the year
  ])('sets DTEND to start + %i minutes', (durationMinutes, dtstart, dtend) => {
    const start = new Date(`${dtstart.slice(0, 4)}-${dtstart.slice(4, 6)}-${dtstart.slice(6, 8)}T${dtstart.slice(9, 11)}:${dtstart.slice(11, 13)}:00Z`);
    const properties = parse(icsCalendar(event({ start, durationMinutes })));
    expect(only(properties, 'DTSTART').value).toBe(dtstart);
    expect(only(properties, 'DTEND').value).toBe(dtend);
  });

  it('writes instants in UTC with seconds and without milliseconds, regardless of DST', () => {
    const properties = parse(icsCalendar(event({ start: new Date('2026-07-01T07:30:59.999Z'), stamp: new Date('2026-03-29T01:00:00Z') })));
    expect(only(properties, 'DTSTART').value).toBe('20260701T073059Z');
    expect(only(properties, 'DTSTAMP').value).toBe('20260329T010000Z');
  });

  it('leaves out LOCATION and URL when they are null', () => {
    const names = parse(icsCalendar(event({ location: null, url: null }))).map((p) => p.name);
    expect(names).not.toContain('LOCATION');
    expect(names).not.toContain('URL');
    expect(names).toContain('DESCRIPTION');
  });

  it('keeps an empty attendee list and empty text valid', () => {
    const properties = parse(icsCalendar(event({ attendees: [], summary: '', description: '' })));
    expect(properties.filter((p) => p.name === 'ATTENDEE')).toEqual([]);
    expect(only(properties, 'SUMMARY').value).toBe('');
    expect(only(properties, 'DESCRIPTION').value).toBe('');
  });

  it('escapes TEXT per RFC 5545 §3.3.11', () => {
    const summary = 'Back\\slash; semi, comma\nnew line\r\nCRLF\rCR';
    const properties = parse(icsCalendar(event({ summary })));
    const value = only(properties, 'SUMMARY').value;
    expect(value).toBe('Back\\\\slash\\; semi\\, comma\\nnew line\\nCRLF\\nCR');
    expectWellEscaped(value);
    expect(unescapeText(value)).toBe('Back\\slash; semi, comma\nnew line\nCRLF\nCR');
  });

  it('turns NEL and the Unicode line/paragraph separators into \\n, tabs into spaces and drops other controls', () => {
    const description = 'a\u0085b\u2028c\u2029d\te\u0000f\u0007g\u001bh\u007fi\u009bj';
    const value = only(parse(icsCalendar(event({ description }))), 'DESCRIPTION').value;
    expect(unescapeText(value)).toBe('a\nb\nc\nd efghij');
  });

  it('cannot be made to add properties or parameters through hostile text', () => {
    const hostile = 'Eve"\r\nATTENDEE:mailto:x@y\r\n END:VEVENT\nBEGIN:VEVENT;X=1,2\\';
    const ics = icsCalendar(
      event({
        uid: `${hostile}@register-loopbaanprofessional.nl`,
        summary: hostile,
        description: hostile,
        location: hostile,
        url: `https://example.nl/${hostile}`,
        organizer: { name: hostile, email: `org@example.nl${hostile}` },
        attendees: [{ name: hostile, email: `eve@example.nl\r\nATTENDEE:mailto:x@y`, role: 'REQ-PARTICIPANT' }],
      }),
    );
    const properties = parse(ics);
    expect(properties.map((p) => p.name)).toEqual([
      'BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD', 'BEGIN', 'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'STATUS',
      'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'ORGANIZER', 'ATTENDEE', 'END', 'END',
    ]);
    for (const name of ['UID', 'SUMMARY', 'DESCRIPTION', 'LOCATION']) {
      const value = only(properties, name).value;
      expectWellEscaped(value);
      expect(unescapeText(value)).toContain('Eve"\nATTENDEE:mailto:x@y\n END:VEVENT\nBEGIN:VEVENT;X=1,2\\');
    }
    const attendee = only(properties, 'ATTENDEE');
    expect(attendee.params).toEqual({ CN: 'EveATTENDEE:mailto:x@y END:VEVENTBEGIN:VEVENT;X=1,2\\', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' });
    expect(attendee.value).toBe('mailto:eve@example.nlATTENDEE:mailto:x@y');
    const organizer = only(properties, 'ORGANIZER');
    expect(Object.keys(organizer.params)).toEqual(['CN']);
    expect(organizer.params.CN).not.toContain('"');
    for (const value of [organizer.value, attendee.value, only(properties, 'URL').value]) {
      expect(value).not.toMatch(/\s/);
      expect(hasControl(value)).toBe(false);
    }
  });

  it('removes DQUOTE from CN and keeps ; , : inside the quotes', () => {
    const properties = parse(icsCalendar(event({ organizer: { name: 'Jan "de Baas" van Dijk; B.Sc., MSc: hr', email: 'jan@example.nl' } })));
    const organizer = only(properties, 'ORGANIZER');
    expect(organizer.params).toEqual({ CN: 'Jan de Baas van Dijk; B.Sc., MSc: hr' });
    expect(organizer.value).toBe('mailto:jan@example.nl');
  });

  describe('line folding', () => {
    const dutch =
      'Beste deelnemer, hierbij bevestigen wij uw assessment (criteriumgericht interview) op ' +
      'donderdag 3 december. Neem uw identiteitsbewijs mee; het gesprek duurt ca. 90 minuten. ' +
      'Ideeën, reünie, café, coöperatie, één, naïef, geëmailleerd, crème brûlée — tot ziens! 🎓🙂👩🏽‍💼✨ ' +
      'Ä Ö Ü ß € 𝄞 中文 '.repeat(8);

    it('keeps every physical line within 75 octets and unfolds to the original text', () => {
      const ics = icsCalendar(
        event({ summary: `Assessment 🎓 ${dutch.slice(0, 120)}`, description: dutch, location: dutch, organizer: { name: dutch, email: 'a@b.nl' } }),
      );
      const physical = ics.slice(0, -2).split('\r\n');
      expect(physical.length).toBeGreaterThan(40);
      for (const line of physical) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        expect(line).not.toContain('\uFFFD');
        expect(line.isWellFormed()).toBe(true); // no surrogate pair split across lines
      }
      const properties = parse(ics);
      expect(unescapeText(only(properties, 'DESCRIPTION').value)).toBe(dutch);
      expect(unescapeText(only(properties, 'LOCATION').value)).toBe(dutch);
      expect(only(properties, 'ORGANIZER').params.CN).toBe(dutch);
      expect(unescapeText(only(properties, 'SUMMARY').value)).toBe(`Assessment 🎓 ${dutch.slice(0, 120)}`);
    });

    it('fills lines as far as possible without splitting a character', () => {
      const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
      const lines = folded.split('\r\n');
      // 'DESCRIPTION:' is 12 octets, 31 × 'é' (2 octets) makes 74; a 32nd would make 76.
      expect(lines[0]).toBe(`DESCRIPTION:${'é'.repeat(31)}`);
      for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
      // Continuation lines: 1 space + 37 × 'é' = 75 octets.
      expect(lines[1]).toBe(` ${'é'.repeat(37)}`);
      expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
    });

    it.each([
      ['ASCII', 'x', 1],
      ['2-octet', 'é', 2],
      ['3-octet', '€', 3],
      ['4-octet', '😀', 4],
    ])('folds %s text at exactly 75 octets where possible', (_label, char, size) => {
      const line = `X:${char.repeat(200)}`;
      const physical = foldLine(line).split('\r\n');
      for (const [i, part] of physical.entries()) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        if (i < physical.length - 1) expect(octets(part)).toBeGreaterThan(75 - size);
        if (i > 0) expect(part[0]).toBe(' ');
      }
      expect(physical.join('\r\n').replace(/\r\n /g, '')).toBe(line);
    });

    it('does not fold a line of exactly 75 octets and folds one of 76', () => {
      expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
      expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    });

    it('round-trips spaces and escapes at the fold point', () => {
      // A space at the fold point stays in the content: unfolding removes exactly one space.
      const line = `SUMMARY:${'a'.repeat(67)}   b`;
      expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
      const escaped = only(parse(icsCalendar(event({ summary: `${'a'.repeat(66)}\\\\,x` }))), 'SUMMARY').value;
      expect(unescapeText(escaped)).toBe(`${'a'.repeat(66)}\\\\,x`);
    });
  });

  it('replaces lone surrogates instead of writing invalid UTF-8', () => {
    const ics = icsCalendar(event({ summary: 'a\uD83Db', organizer: { name: 'x\uDE00y', email: 'o@example.nl' } }));
    expect(ics.isWellFormed()).toBe(true);
    const properties = parse(ics);
    expect(only(properties, 'SUMMARY').value).toBe('a\uFFFDb');
    expect(only(properties, 'ORGANIZER').params.CN).toBe('x\uFFFDy');
  });

  it.each([
    ['a negative sequence', { sequence: -1 }],
    ['a fractional sequence', { sequence: 1.5 }],
    ['a zero duration', { durationMinutes: 0 }],
    ['a negative duration', { durationMinutes: -30 }],
    ['a NaN duration', { durationMinutes: Number.NaN }],
    ['an invalid start', { start: new Date(Number.NaN) }],
    ['an invalid stamp', { stamp: new Date(Number.NaN) }],
    ['a start beyond year 9999', { start: new Date('+010000-01-01T00:00:00Z') }],
  ] as Array<[string, Partial<IcsEvent>]>)('rejects %s', (_label, overrides) => {
    expect(() => icsCalendar(event(overrides))).toThrow(RangeError);
  });

  it('is deterministic: the same event gives the same bytes', () => {
    expect(icsCalendar(event())).toBe(icsCalendar(event()));
  });
});
