import { MIN_PASSWORD_SCORE, passwordScore } from './password-strength';

describe('password strength (NIST SP 800-63B: no common, leaked or personal passwords)', () => {
  it.each(['password1234', 'qwertyuiop12', '123456789012', 'wachtwoord123', 'aaaaaaaaaaaa', 'loopbaanprofessional', 'Welkom01welkom'])('refuses %s', (password) => {
    expect(passwordScore(password)).toBeLessThan(MIN_PASSWORD_SCORE);
  });

  it.each(['een lange zin als wachtwoord', 'correct-horse-a1b2c3d4', 'fiets-onder-de-oude-brug', 'een-lang-genoeg-wachtwoord'])('accepts %s', (password) => {
    expect(passwordScore(password)).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
  });

  it("counts the person's own name, e-mail address and organisation as guessable", () => {
    const mine = ['pieter.bakker@bakkeradvies.nl', 'Pieter Bakker', 'Bakker Loopbaanadvies'];
    for (const password of ['bakkeradvies2026', 'bakkeradviesbakker']) {
      expect(passwordScore(password)).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
      expect(passwordScore(password, mine)).toBeLessThan(MIN_PASSWORD_SCORE);
    }
  });
});
