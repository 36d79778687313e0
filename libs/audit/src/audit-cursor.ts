import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Event ids and paging cursors sealed for an admin who assesses a dossier blind (issue 14/18). The
 * trail's ids and chain positions are consecutive: gaps between the events such an admin may see
 * would count the co-assessor's hidden scoring events. Sealed (AES-256-GCM, a fresh nonce each
 * time), an id says nothing, yet still pages. The key is made once and kept in platform_settings,
 * so every app instance opens every cursor.
 */
const SETTING = 'audit.cursorKey';
const PREFIX = 's.';

export class AuditCursorSeal {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  private loadKey(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.dataSource.query(
        `INSERT INTO platform_settings ("key", "value", "updated_at") VALUES ($1, to_jsonb($2::text), now()) ON CONFLICT ("key") DO NOTHING`,
        [SETTING, randomBytes(32).toString('base64')],
      );
      const rows: Array<{ value: string }> = await this.dataSource.query(`SELECT "value" #>> '{}' AS value FROM platform_settings WHERE "key" = $1`, [SETTING]);
      return Buffer.from(rows[0]!.value, 'base64');
    })().catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return this.key;
  }

  async seal(id: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The id inside a sealed cursor, or null when it is not one of ours (or was changed). */
  async open(token: string): Promise<string | null> {
    if (!token.startsWith(PREFIX)) return null;
    const raw = Buffer.from(token.slice(PREFIX.length), 'base64url');
    if (raw.length < 12 + 1 + 16) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', await this.loadKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const id = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      return /^\d{1,18}$/.test(id) ? id : null;
    } catch {
      return null;
    }
  }
}
