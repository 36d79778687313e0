import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate, REGISTER_PAGE_DIR, renderRegisterPage } from './register-page';

describe('register page template', () => {
  it('prints every value escaped: no triple braces or {{& in the template', () => {
    const template = readFileSync(join(REGISTER_PAGE_DIR, 'register.hbs'), 'utf8');
    expect(template).not.toMatch(/\{\{\{|\{\{&/);
    expect(template).not.toMatch(/<script|\sstyle=|<style/i);
  });

  it('formats the date as it is, in Dutch or English, whatever the time zone', () => {
    expect(formatDate('2030-03-01', 'nl')).toBe('1 maart 2030');
    expect(formatDate('2028-12-31', 'nl')).toBe('31 december 2028');
    expect(formatDate('2030-03-01', 'en')).toBe('1 March 2030');
  });

  it('escapes names and the search in every state', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = renderRegisterPage('nl', evil, { kind: 'results', results: { entries: [{ name: evil, certificateNumber: 'RLP-2026-00001', validUntil: '2030-01-01' }], more: true } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('hier staan de eerste 20');
    for (const state of [{ kind: 'tooShort' }, { kind: 'invalid' }, { kind: 'limited', retryAfterSeconds: 1 }, { kind: 'unavailable' }] as const) {
      expect(renderRegisterPage('en', evil, state)).not.toContain('<img');
    }
    expect(renderRegisterPage('en', '', { kind: 'limited', retryAfterSeconds: 1 })).toContain('You can search again in 1 second.');
  });
});
