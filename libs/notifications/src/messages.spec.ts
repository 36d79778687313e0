import type { MailMessage } from '../../mail/src/compose';
import * as msg from './messages';

const urls: msg.PortalUrls = { candidate: 'https://kandidaat.example.nl', assessor: 'https://assessor.example.nl' };
const anna: msg.Recipient = { email: 'anna@example.nl', name: 'Anna <b>de Vries</b>' };
const slot: msg.InterviewSlot = { startsAt: new Date('2026-12-03T13:00:00Z'), durationMinutes: 90, locationKind: 'address', location: 'Stationsplein 1, Utrecht' };
const portfolioId = '2f1d4c1e-0a5b-4f7e-9d6c-1a2b3c4d5e6f';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

function invitationFor(method: 'REQUEST' | 'CANCEL', attendee: msg.Recipient) {
  return msg.invitation({ method, portfolioId, sequence: 4, slot, stamp: new Date('2026-11-23T09:00:00Z'), organizerEmail: 'bureau@example.nl', attendee: { ...attendee, role: 'REQ-PARTICIPANT' }, link: msg.candidateDossierUrl(urls, portfolioId) });
}

describe('notification messages', () => {
  it('invites one person: the office organises, the recipient is the only attendee', () => {
    const a = invitationFor('REQUEST', anna);
    expect(a.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const lines = unfold(a.content);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain(`UID:interview-${portfolioId}@register-loopbaanprofessional.nl`);
    expect(lines).toContain('SEQUENCE:4');
    expect(lines).toContain('DTSTART:20261203T130000Z');
    expect(lines).toContain('LOCATION:Stationsplein 1\\, Utrecht');
    expect(lines.filter((l) => l.startsWith('ORGANIZER'))).toEqual(['ORGANIZER;CN="Certificeringsbureau Register Loopbaanprofessional":mailto:bureau@example.nl']);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toEqual(['ATTENDEE;CN="Anna <b>de Vries</b>";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:anna@example.nl']);
    const cancel = invitationFor('CANCEL', anna);
    expect(cancel.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(unfold(cancel.content)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED']));
  });

  it('writes the moment in Amsterdam time, in winter and in summer', () => {
    expect(msg.localMoment(new Date('2026-12-03T13:00:00Z'))).toEqual({ nl: 'donderdag 3 december 2026 om 14:00 (Nederlandse tijd)', en: 'Thursday, 3 December 2026 at 14:00 (Amsterdam time)' });
    expect(msg.localMoment(new Date('2026-07-01T07:30:00Z')).nl).toBe('woensdag 1 juli 2026 om 09:30 (Nederlandse tijd)');
    expect(msg.localDate('2026-12-21')).toEqual({ nl: '21 december 2026', en: '21 December 2026' });
  });

  it('never puts the recipient name in a subject and escapes it in HTML', () => {
    const attachment = invitationFor('REQUEST', anna);
    const all: MailMessage[] = [
      msg.submissionReceived(anna, urls, { portfolioId, contentHash: 'a'.repeat(64), submittedAt: new Date('2026-11-23T09:00:00Z') }),
      msg.slotsAvailable(anna, urls, { portfolioId, starts: [slot.startsAt] }),
      msg.candidateInterview(anna, urls, 'booked', { portfolioId, slot, attachment }),
      msg.candidateInterview(anna, urls, 'moved', { portfolioId, slot, previous: slot, attachment }),
      msg.candidateInterview(anna, urls, 'cancelled', { portfolioId, slot, cancelledBy: 'assessor', reason: 'Ziek', attachment }),
      msg.assessorInterview(anna, urls, 'booked', { portfolioId, slot, attachment }),
      msg.decisionTaken(anna, urls, { portfolioId }),
      msg.returnedForSupplement(anna, urls, { portfolioId, nextPortfolioId: portfolioId }),
      msg.assessorAssigned(anna, urls, { portfolioId, assignmentId: portfolioId, deadline: '2026-12-21' }),
      msg.coAssessorSubmitted(anna, urls, { portfolioId, assignmentId: portfolioId, ownSubmitted: false }),
      msg.coAssessorSubmitted(anna, urls, { portfolioId, assignmentId: portfolioId, ownSubmitted: true }),
      msg.agreementNeeded(anna, urls, { portfolioId, kind: 'judgement', version: 2 }),
    ];
    for (const m of all) {
      expect((msg.NOTIFICATION_KINDS as readonly string[]).includes(m.kind)).toBe(true);
      expect(m.subject).not.toMatch(/Anna|Vries/);
      expect(m.to).toBe('anna@example.nl');
      expect(m.text).toContain('Beste Anna <b>de Vries</b>,');
      expect(m.html).toContain('Beste Anna &lt;b&gt;de Vries&lt;/b&gt;,');
      expect(m.html).not.toContain('<b>de Vries');
    }
  });

  it('links each portal page the web apps route', () => {
    expect(msg.candidateDossierUrl(urls, portfolioId)).toBe(`https://kandidaat.example.nl/dossier/${portfolioId}`);
    expect(msg.assessorDossierUrl(urls, portfolioId, 'oordeel')).toBe(`https://assessor.example.nl/dossiers/${portfolioId}/oordeel`);
    expect(msg.officeDossierUrl(urls, portfolioId)).toBe(`https://assessor.example.nl/bureau/dossiers/${portfolioId}`);
    const template = msg.regulationAcceptanceNeeded(urls, { type: 'klachtenreglement', version: 3, effectiveFrom: '2027-01-01' });
    expect(template.text).toContain(`https://kandidaat.example.nl/portfolio/${msg.PORTFOLIO_TOKEN}/verklaringen`);
    expect(template.html).toContain(`Beste ${msg.NAME_TOKEN},`);
    expect(template.subject).toBe('Nieuwe versie van het klachtenreglement / New version of the complaints procedure — Register Loopbaanprofessional');
  });
});
