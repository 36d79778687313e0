/** The document types the platform accepts, recognised by their first bytes, not by name. */
export const ALLOWED_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/jpeg': { extension: 'jpg', magic: [[0xff, 0xd8, 0xff]] },
  'image/png': { extension: 'png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
} as const satisfies Record<string, { extension: string; magic: number[][] }>;

export type AllowedContentType = keyof typeof ALLOWED_TYPES;
export const ALLOWED_CONTENT_TYPES = Object.keys(ALLOWED_TYPES) as AllowedContentType[];

export function isAllowedContentType(value: string): value is AllowedContentType {
  return Object.hasOwn(ALLOWED_TYPES, value);
}

/** The allowed type whose signature the bytes start with, or null. */
export function sniffContentType(head: Uint8Array): AllowedContentType | null {
  for (const type of ALLOWED_CONTENT_TYPES) {
    if (ALLOWED_TYPES[type].magic.some((sig) => sig.length <= head.length && sig.every((byte, i) => head[i] === byte))) return type;
  }
  return null;
}

// Control characters, and the invisible marks that reorder or hide text (bidi overrides, zero-width).
const UNSAFE_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * A display name safe to show and to put in Content-Disposition: the last path segment only, no
 * control or bidi characters, no leading dots, at most 120 characters, ending in the extension of
 * the verified type.
 */
export function safeFilename(raw: string, contentType?: AllowedContentType): string {
  let name = raw.split(/[/\\]/).pop() ?? '';
  name = name.normalize('NFC').replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  if (name === '') name = 'document';
  if (contentType) {
    const ext = ALLOWED_TYPES[contentType].extension;
    const lower = name.toLowerCase();
    const ok = lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'));
    if (!ok) name = `${name}.${ext}`;
  }
  if (name.length > 120) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name;
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
