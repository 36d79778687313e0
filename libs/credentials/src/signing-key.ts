import { generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, type CryptoKey, type JWK } from 'jose';
import type { DataSource } from 'typeorm';

/**
 * The platform's Ed25519 signing key for credentials (ADR 0023). Made on first start and kept in
 * platform_settings like the other platform secrets (libs/audit/src/audit-cursor.ts): the first
 * instance to start inserts it, every other instance (and every later start) reads that one —
 * insert-if-absent, so two instances starting at once still end up with one key.
 */
export const SIGNING_KEY_SETTING = 'credentials.signingKey';

export interface SigningKey {
  /** The JWK thumbprint (RFC 7638) of the public key: the `kid` of every JWS. */
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey | Uint8Array;
  publicKey: CryptoKey | Uint8Array;
}

export class CredentialKeys {
  private key: Promise<SigningKey> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  load(): Promise<SigningKey> {
    this.key ??= (async () => {
      const fresh = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as NodeJwk;
      await this.dataSource.query(`INSERT INTO platform_settings ("key", "value", "updated_at") VALUES ($1, $2::jsonb, now()) ON CONFLICT ("key") DO NOTHING`, [
        SIGNING_KEY_SETTING,
        JSON.stringify({ kty: fresh.kty, crv: fresh.crv, x: fresh.x, d: fresh.d }),
      ]);
      const rows: Array<{ value: { kty: string; crv: string; x: string; d: string } }> = await this.dataSource.query(`SELECT "value" FROM platform_settings WHERE "key" = $1`, [SIGNING_KEY_SETTING]);
      const stored = rows[0]!.value;
      const publicJwk: JWK = { kty: stored.kty, crv: stored.crv, x: stored.x };
      const kid = await calculateJwkThumbprint(publicJwk);
      return {
        kid,
        publicJwk: { ...publicJwk, kid, alg: 'EdDSA', use: 'sig' },
        privateKey: await importJWK({ ...stored }, 'EdDSA'),
        publicKey: await importJWK(publicJwk, 'EdDSA'),
      };
    })().catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return this.key;
  }
}
