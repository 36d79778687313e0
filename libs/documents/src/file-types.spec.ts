import { contentDisposition, safeFilename, sniffContentType } from './file-types';

describe('sniffContentType', () => {
  it.each([
    ['%PDF-1.7', 'application/pdf'],
    ['\x89PNG\r\n\x1a\n....', 'image/png'],
    ['\xff\xd8\xff\xe0', 'image/jpeg'],
    ['<svg onload=alert(1)>', null],
    ['<html>', null],
    ['%PDF', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(sniffContentType(Buffer.from(text, 'latin1'))).toBe(expected);
  });
});

describe('safeFilename', () => {
  it('keeps only the last path segment and no leading dots', () => {
    expect(safeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFilename('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(safeFilename('.hidden.pdf')).toBe('hidden.pdf');
  });

  it('removes control characters and right-to-left overrides', () => {
    expect(safeFilename('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.exe.pdf');
    expect(safeFilename('a\u0000b\r\nc d.png', 'image/png')).toBe('abc d.png');
    expect(safeFilename('zero\u200Bwidth.pdf')).toBe('zerowidth.pdf');
  });

  it('makes the extension match the verified type', () => {
    expect(safeFilename('diploma.pdf', 'image/png')).toBe('diploma.pdf.png');
    expect(safeFilename('foto.JPEG', 'image/jpeg')).toBe('foto.JPEG');
    expect(safeFilename('Diploma HBO.pdf', 'application/pdf')).toBe('Diploma HBO.pdf');
  });

  it('falls back to "document" and caps the length', () => {
    expect(safeFilename('\u0001\u0002', 'application/pdf')).toBe('document.pdf');
    const long = safeFilename(`${'x'.repeat(500)}.pdf`, 'application/pdf');
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('always says attachment and escapes quotes and non-ASCII', () => {
    const header = contentDisposition('Getuigschrift "één".pdf');
    expect(header).toBe(`attachment; filename="Getuigschrift ___n_.pdf"; filename*=UTF-8''Getuigschrift%20%22%C3%A9%C3%A9n%22.pdf`);
  });
});
