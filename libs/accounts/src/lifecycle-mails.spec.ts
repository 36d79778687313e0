import {
  alreadyRegisteredMail,
  emailChangeConfirmMail,
  emailChangeNoticeMail,
  emailChangeTakenMail,
  passwordChangedMail,
  passwordResetMail,
  portalUrlFor,
  verificationMail,
} from './lifecycle-mails';

const ctx = { portalUrl: 'https://kandidaat.example.nl', displayName: 'Anna <de> Vries' };
const TOKEN = 'tok_ABC-123';

describe('account life-cycle mails (ADR 0020)', () => {
  const all = [
    verificationMail('anna@example.nl', ctx, TOKEN),
    alreadyRegisteredMail('anna@example.nl', ctx),
    passwordResetMail('anna@example.nl', ctx, TOKEN),
    passwordChangedMail('anna@example.nl', ctx, 'reset'),
    passwordChangedMail('anna@example.nl', ctx, 'changed'),
    emailChangeConfirmMail('nieuw@example.nl', ctx, TOKEN),
    emailChangeTakenMail('bezet@example.nl', ctx.portalUrl),
    emailChangeNoticeMail('anna@example.nl', ctx, 'requested'),
    emailChangeNoticeMail('anna@example.nl', ctx, 'changed'),
  ];

  it('has no personal data in any subject, and Dutch before English', () => {
    for (const m of all) {
      expect(m.subject).not.toMatch(/Anna|Vries|@/);
      expect(m.subject).toMatch(/^[^/]+ \/ [^/]+ — Register Loopbaanprofessional$/);
      expect(m.text.indexOf('— English —')).toBeGreaterThan(0);
    }
  });

  it('puts a token link only where one belongs, on the right page, in text and (escaped) HTML', () => {
    const linked: Record<string, string> = {
      'account.email_verification': '/e-mailadres-bevestigen',
      'account.password_reset': '/wachtwoord-herstellen',
      'account.email_change_confirm': '/nieuw-e-mailadres-bevestigen',
    };
    for (const m of all) {
      const path = linked[m.kind];
      if (path) {
        expect(m.text).toContain(`https://kandidaat.example.nl${path}?token=${TOKEN}`);
        expect(m.html).toContain(`href="https://kandidaat.example.nl${path}?token=${TOKEN}"`);
      } else {
        expect(m.text).not.toContain('token=');
        expect(m.html).not.toContain('token=');
      }
      expect(m.html).not.toContain('Anna <de>');
    }
  });

  it('tells the owner of a taken address nothing about the requester', () => {
    const taken = emailChangeTakenMail('bezet@example.nl', ctx.portalUrl);
    expect(taken.text).not.toContain('Anna');
    expect(taken.text).not.toContain('anna@example.nl');
    const notice = emailChangeNoticeMail('anna@example.nl', ctx, 'requested');
    expect(notice.text).not.toContain('nieuw@example.nl');
  });

  it('sends candidates to the kandidaatportaal and assessors and admins to their portal', () => {
    const urls = { candidate: 'https://k.example.nl', assessor: 'https://a.example.nl' };
    expect(portalUrlFor('candidate', urls)).toBe('https://k.example.nl');
    expect(portalUrlFor('assessor', urls)).toBe('https://a.example.nl');
    expect(portalUrlFor('admin', urls)).toBe('https://a.example.nl');
  });
});
