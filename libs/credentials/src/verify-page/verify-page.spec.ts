import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerificationResult } from '../credentials.service';
import { renderVerifyPage } from './verify-page';

const HOSTILE = `<script>alert("x")</script> & "O'Brien"`;

function result(status: VerificationResult['status'], holderName = 'Sanne de Vries'): VerificationResult {
  return {
    status,
    valid: status === 'geldig',
    reasons: [{ code: 'SIGNATURE_VALID', ok: true, message: 'De handtekening klopt / The signature matches' }],
    credential: status === 'vervalst' ? null : { id: 'urn:uuid:x', holderName, certificateNumber: 'RLP-2026-00001', achievement: 'Register Loopbaanprofessional', issuer: 'Noloc', validFrom: '2026-12-10', validUntil: '2030-12-09', revokedOn: status === 'ingetrokken' ? '2026-12-11' : null },
    checkedAt: '2026-12-11T09:00:00.000Z',
  };
}

describe('the verification page (server-rendered, no script)', () => {
  it('has no triple-stash, no script, no inline style in its template', () => {
    const template = readFileSync(join(__dirname, 'verify.hbs'), 'utf8');
    expect(template).not.toContain('{{{');
    expect(template).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
  });

  it('escapes what the credential says (a name is untrusted text)', () => {
    const html = renderVerifyPage('nl', { kind: 'result', result: result('geldig', HOSTILE) });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;O&#x27;Brien&quot;');
  });

  it('says the verdict plainly, the page language first and the other below it', () => {
    const nl = renderVerifyPage('nl', { kind: 'result', result: result('ingetrokken') });
    expect(nl).toContain('<p class="rlp-verdict__word" id="verdict">Ingetrokken</p>');
    expect(nl.indexOf('niet meer geldig')).toBeLessThan(nl.indexOf('no longer valid'));
    expect(nl).toContain('<time datetime="2026-12-11">11 december 2026</time>');
    expect(nl).toContain('De handtekening klopt');
    expect(nl).not.toContain('The signature matches');
    const en = renderVerifyPage('en', { kind: 'result', result: result('verlopen') });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<p class="rlp-verdict__word" id="verdict">Expired</p>');
    expect(en).toContain('The signature matches');
  });

  it('shows nothing of a forged credential but the verdict and the failed check', () => {
    const html = renderVerifyPage('nl', { kind: 'result', result: result('vervalst') });
    expect(html).toContain('id="verdict">Vervalst</p>');
    expect(html).not.toContain('<table');
  });

  it('ties a field error to the field and keeps what was pasted (escaped)', () => {
    const html = renderVerifyPage('nl', { kind: 'fieldError', message: 'Dit is geen leesbaar digitaal certificaat / This is not a readable digital certificate', submitted: '<b>x</b>' });
    expect(html).toContain('aria-describedby="credential-hint credential-error" aria-invalid="true"');
    expect(html).toContain('<p class="rlp-field-error" id="credential-error">Dit is geen leesbaar digitaal certificaat</p>');
    expect(html).toContain('>&lt;b&gt;x&lt;/b&gt;</textarea>');
  });

  it('asks for patience when rate-limited, with the seconds', () => {
    expect(renderVerifyPage('nl', { kind: 'limited', retryAfterSeconds: 42 })).toContain('over 42 seconden weer controleren');
  });
});
