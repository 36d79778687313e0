import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { composeMail, greetingFor } from '../../mail/src/compose';
import { Outbox } from '../../mail/src/outbox';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import {
  credentialUrls,
  encodeStatusList,
  issuerProfile,
  openBadgeCredential,
  STATUS_LIST_BITS,
  STATUS_LIST_NUMBER,
  statusListCredential,
  VC_CONTEXT_V2,
  VC_JWT_MEDIA_TYPE,
  type OpenBadgeCredential,
} from './open-badge';
import { CredentialKeys, type SigningKey } from './signing-key';

/** Plain words for the four outcomes of a check (ADR 0023). */
export type VerificationStatus = 'geldig' | 'ingetrokken' | 'verlopen' | 'vervalst';

export interface VerificationReason {
  code: string;
  /** Whether this check passed. */
  ok: boolean;
  message: string;
}

export interface VerifiedCredential {
  id: string;
  holderName: string;
  certificateNumber: string;
  achievement: string;
  issuer: string;
  /** YYYY-MM-DD (Europe/Amsterdam), first day valid. */
  validFrom: string;
  /** YYYY-MM-DD (Europe/Amsterdam), last day valid. */
  validUntil: string;
  /** YYYY-MM-DD (Europe/Amsterdam) of the revocation, when revoked. */
  revokedOn: string | null;
}

export interface VerificationResult {
  status: VerificationStatus;
  /** true only for `geldig`. */
  valid: boolean;
  reasons: VerificationReason[];
  /** What the credential says; null when it is vervalst (nothing in it can be trusted). */
  credential: VerifiedCredential | null;
  checkedAt: string;
}

export interface CredentialStatusView {
  credentialId: string;
  certificateNumber: string;
  holderName: string;
  validUntil: string;
  statusListIndex: number;
  verificationUrl: string;
  expired: boolean;
  revocation: { revokedAt: string; reason: string; revokedBy: string; revokedByName: string } | null;
}

/** The file the candidate downloads: a VCDM 2.0 EnvelopedVerifiableCredential around the VC-JWT. */
export interface CredentialFile {
  '@context': string[];
  id: string;
  type: 'EnvelopedVerifiableCredential';
}

interface CredentialRow {
  id: string;
  register_entry_id: string;
  status_index: number;
  jwt: string;
}

interface EntryRow {
  id: string;
  portfolio_id: string;
  certificate_number: string;
  holder_name: string;
  starts_on: string;
  valid_until: string;
}

/** How long a verifier may keep the status list before asking again. */
export const STATUS_LIST_TTL_SECONDS = 300;
/** Longest credential text accepted by POST /verify (ours are about 3 kB). */
export const MAX_CREDENTIAL_LENGTH = 20_000;

const LONG_DATE = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }),
};

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const DATA_URL_PREFIX = `data:${VC_JWT_MEDIA_TYPE},`;

const notCertified = () => new DomainError('not_found', 'NOT_CERTIFIED', bilingual('Bij dit besluit hoort geen certificaat', 'This decision has no certificate'));
const unreadable = (details?: unknown) =>
  new DomainError(
    'validation',
    'CREDENTIAL_UNREADABLE',
    bilingual(
      'Dit is geen leesbaar digitaal certificaat. Plak de hele inhoud van het gedownloade bestand (.json), of de ondertekende tekst (JWT).',
      'This is not a readable digital certificate. Paste the whole content of the downloaded file (.json), or the signed text (JWT).',
    ),
    details,
  );

/**
 * Verifiable credentials of register entries (issue 16, ADR 0023): issued as Open Badges 3.0
 * credentials secured as VC-JWT (EdDSA / Ed25519, `jose`), a Bitstring Status List for revocation,
 * revocation by the office (audited), and the public check.
 */
@Injectable()
export class CredentialsService {
  readonly keys: CredentialKeys;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.keys = new CredentialKeys(dataSource);
  }

  get baseUrl(): string {
    return this.config.publicUrls.candidate;
  }

  get urls() {
    return credentialUrls(this.baseUrl);
  }

  private async sign(payload: object, key: SigningKey): Promise<string> {
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.kid }).sign(key.privateKey);
  }

  private async entryOfPortfolio(m: EntityManager, portfolioId: string): Promise<EntryRow> {
    const rows: EntryRow[] = await m.query(
      `SELECT id, portfolio_id, certificate_number, holder_name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM register_entries WHERE portfolio_id = $1`,
      [portfolioId],
    );
    if (!rows[0]) throw notCertified();
    return rows[0];
  }

  /**
   * The credential of a register entry, issued (signed, given a random free place in the status
   * list, recorded) the first time anything asks for it: the certificate PDF, the download, the
   * office. Idempotent under concurrency: the unique indexes decide, the loser reads the winner's row.
   */
  async ensureIssued(m: EntityManager, entry: EntryRow, actorId: string | null): Promise<CredentialRow> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const existing: CredentialRow[] = await m.query(`SELECT id, register_entry_id, status_index, jwt FROM credentials WHERE register_entry_id = $1`, [entry.id]);
      if (existing[0]) return existing[0];
      const key = await this.keys.load();
      const id = randomUUID();
      const statusIndex = randomInt(STATUS_LIST_BITS);
      const credential = openBadgeCredential({
        credentialId: id,
        entry: { certificateNumber: entry.certificate_number, holderName: entry.holder_name, startsOn: entry.starts_on, validUntil: entry.valid_until },
        statusIndex,
        baseUrl: this.baseUrl,
      });
      const jwt = await this.sign(credential, key);
      const inserted: CredentialRow[] = await m.query(
        `INSERT INTO credentials (id, register_entry_id, status_list, status_index, jwt, issued_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id, register_entry_id, status_index, jwt`,
        [id, entry.id, STATUS_LIST_NUMBER, statusIndex, jwt, this.clock.now()],
      );
      if (inserted[0]) {
        await this.audit.record(
          { actorId, action: 'credential.issued', subjectType: 'portfolio', subjectId: entry.portfolio_id, data: { portfolioId: entry.portfolio_id, certificateNumber: entry.certificate_number, credentialId: id, statusListIndex: statusIndex } },
          m,
        );
        return inserted[0];
      }
      // Either another request issued it meanwhile (read it next round) or the index was taken (draw again).
    }
    throw new Error('no free status list index found after 20 draws');
  }

  /** The credential of a certified dossier, issued on first use. */
  async credentialOf(portfolioId: string, actorId: string | null): Promise<{ entry: EntryRow; row: CredentialRow }> {
    return this.dataSource.transaction(async (m) => {
      const entry = await this.entryOfPortfolio(m, portfolioId);
      return { entry, row: await this.ensureIssued(m, entry, actorId) };
    });
  }

  /** The URL the certificate's QR code points to. */
  async verificationUrl(portfolioId: string): Promise<string> {
    const { row } = await this.credentialOf(portfolioId, null);
    return this.urls.verifyPage(row.id);
  }

  /** The downloadable file: the signed credential wrapped as an EnvelopedVerifiableCredential (VCDM 2.0 §4.13). */
  async file(portfolioId: string, actorId: string): Promise<{ file: CredentialFile; certificateNumber: string }> {
    const { entry, row } = await this.credentialOf(portfolioId, actorId);
    return { file: { '@context': [VC_CONTEXT_V2], id: `${DATA_URL_PREFIX}${row.jwt}`, type: 'EnvelopedVerifiableCredential' }, certificateNumber: entry.certificate_number };
  }

  async status(portfolioId: string): Promise<CredentialStatusView> {
    const { entry, row } = await this.credentialOf(portfolioId, null);
    return this.statusView(this.dataSource.manager, entry, row);
  }

  private async statusView(m: EntityManager, entry: EntryRow, row: CredentialRow): Promise<CredentialStatusView> {
    const revoked: Array<{ revoked_at: Date; reason: string; revoked_by: string; name: string }> = await m.query(
      `SELECT r.revoked_at, r.reason, r.revoked_by, u.display_name AS name FROM credential_revocations r JOIN users u ON u.id = r.revoked_by WHERE r.credential_id = $1`,
      [row.id],
    );
    const r = revoked[0];
    return {
      credentialId: row.id,
      certificateNumber: entry.certificate_number,
      holderName: entry.holder_name,
      validUntil: entry.valid_until,
      statusListIndex: row.status_index,
      verificationUrl: this.urls.verifyPage(row.id),
      expired: amsterdamDate(this.clock.now()) > entry.valid_until,
      revocation: r ? { revokedAt: new Date(r.revoked_at).toISOString(), reason: r.reason, revokedBy: r.revoked_by, revokedByName: r.name } : null,
    };
  }

  /** Revokes a certificate for good: its status bit flips, the register no longer lists it; audited with the reason. */
  async revoke(portfolioId: string, reason: string, actor: { actorId: string; requestId?: string | undefined }): Promise<CredentialStatusView> {
    const why = reason.trim();
    if (why.length < 5) {
      throw new DomainError('validation', 'REVOCATION_REASON_REQUIRED', bilingual('Geef de reden van de intrekking (ten minste 5 tekens)', 'Give the reason for the revocation (at least 5 characters)'), { minLength: 5 });
    }
    return this.dataSource.transaction(async (m) => {
      const entry = await this.entryOfPortfolio(m, portfolioId);
      // One revocation at a time per entry: the register entry's row is the lock.
      await m.query(`SELECT 1 FROM register_entries WHERE id = $1 FOR SHARE`, [entry.id]);
      const row = await this.ensureIssued(m, entry, actor.actorId);
      const inserted: unknown[] = await m.query(
        `INSERT INTO credential_revocations (credential_id, reason, revoked_by, revoked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING credential_id`,
        [row.id, why, actor.actorId, this.clock.now()],
      );
      if (inserted.length === 0) {
        throw new DomainError('conflict', 'CREDENTIAL_ALREADY_REVOKED', bilingual('Dit certificaat is al ingetrokken', 'This certificate has already been revoked'));
      }
      await this.audit.record(
        {
          actorId: actor.actorId,
          action: 'credential.revoked',
          subjectType: 'portfolio',
          subjectId: portfolioId,
          requestId: actor.requestId ?? null,
          data: { portfolioId, certificateNumber: entry.certificate_number, credentialId: row.id, statusListIndex: row.status_index, reason: why },
        },
        m,
      );
      await this.tellHolder(m, entry, row, why);
      return this.statusView(m, entry, row);
    });
  }

  /** The holder hears of the revocation by e-mail, queued in the revocation's transaction (issue 15's outbox). */
  private async tellHolder(m: EntityManager, entry: EntryRow, row: CredentialRow, reason: string): Promise<void> {
    const holder: Array<{ email: string; display_name: string }> = await m.query(
      `SELECT u.email, u.display_name FROM register_entries r JOIN users u ON u.id = r.candidate_id WHERE r.id = $1`,
      [entry.id],
    );
    if (!holder[0]) return;
    const portal = this.config.publicUrls.candidate.replace(/\/+$/, '');
    await this.outbox.enqueue(
      m,
      composeMail({
        to: holder[0].email,
        kind: 'credential.revoked',
        subject: { nl: 'Je certificaat is ingetrokken', en: 'Your certificate has been revoked' },
        greeting: greetingFor(holder[0].display_name),
        paragraphs: [
          {
            nl: 'Het certificeringsbureau heeft je certificaat Register Loopbaanprofessional ingetrokken. Het staat niet meer in het openbare register, en wie je digitale certificaat of de QR-code controleert, ziet dat het is ingetrokken.',
            en: 'The certification office has revoked your Register Loopbaanprofessional certificate. It is no longer in the public register, and anyone who checks your digital certificate or its QR code sees that it has been revoked.',
          },
          { nl: `Reden: ${reason}`, en: `Reason: ${reason}` },
          { nl: 'Heb je vragen, neem dan contact op met het certificeringsbureau.', en: 'If you have questions, please contact the certification office.' },
        ],
        facts: [{ label: { nl: 'Certificaatnummer', en: 'Certificate number' }, value: entry.certificate_number }],
        action: { label: { nl: 'Naar je dossier', en: 'Open your dossier' }, url: `${portal}/dossier/${entry.portfolio_id}` },
        dedupeKey: `credential.revoked:${row.id}`,
      }),
    );
  }

  /** The signed status list credential (VC-JWT) with a bit set for every revoked credential. */
  async statusListJwt(list: number): Promise<string> {
    if (list !== STATUS_LIST_NUMBER) throw new DomainError('not_found', 'STATUS_LIST_NOT_FOUND', bilingual('Deze statuslijst bestaat niet', 'This status list does not exist'));
    const rows: Array<{ status_index: number }> = await this.dataSource.query(
      `SELECT c.status_index FROM credentials c JOIN credential_revocations r ON r.credential_id = c.id WHERE c.status_list = $1`,
      [list],
    );
    const credential = statusListCredential({ baseUrl: this.baseUrl, list, encodedList: encodeStatusList(rows.map((r) => r.status_index)), validFrom: this.clock.now(), ttlSeconds: STATUS_LIST_TTL_SECONDS });
    return this.sign(credential, await this.keys.load());
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.keys.load()).publicJwk] };
  }

  issuerProfile() {
    return issuerProfile(this.baseUrl);
  }

  /**
   * The compact JWS inside what someone pasted or uploaded: the downloaded file (an
   * EnvelopedVerifiableCredential), its `data:` URL, or the JWS itself. Anything else is a 400.
   */
  extractJwt(input: string): string {
    const text = input.trim();
    if (text === '') {
      throw new DomainError('validation', 'CREDENTIAL_MISSING', bilingual('Plak een digitaal certificaat of kies een bestand', 'Paste a digital certificate or choose a file'));
    }
    if (text.length > MAX_CREDENTIAL_LENGTH) throw unreadable({ maxLength: MAX_CREDENTIAL_LENGTH });
    let candidate = text;
    if (text.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw unreadable({ reason: 'invalid JSON' });
      }
      const obj = (parsed ?? {}) as Record<string, unknown>;
      const types = ([] as unknown[]).concat(obj['type']);
      if (types.includes('EnvelopedVerifiableCredential') && typeof obj['id'] === 'string') {
        candidate = obj['id'];
      } else if (types.includes('VerifiableCredential')) {
        throw new DomainError(
          'validation',
          'CREDENTIAL_NOT_SECURED',
          bilingual('Dit certificaat heeft geen handtekening en kan dus niet worden gecontroleerd. Gebruik het bestand zoals u het hebt gedownload.', 'This certificate carries no signature, so it cannot be checked. Use the file as you downloaded it.'),
        );
      } else {
        throw unreadable({ reason: 'not a credential' });
      }
    }
    if (candidate.startsWith(DATA_URL_PREFIX)) candidate = candidate.slice(DATA_URL_PREFIX.length);
    if (!COMPACT_JWS.test(candidate)) throw unreadable({ reason: 'not a compact JWS' });
    try {
      decodeProtectedHeader(candidate);
      JSON.parse(Buffer.from(candidate.split('.')[1]!, 'base64url').toString('utf8'));
    } catch {
      throw unreadable({ reason: 'header or payload is not JSON' });
    }
    return candidate;
  }

  /** Checks what someone submitted: signature, then status, then validity dates. */
  async verify(input: string): Promise<VerificationResult> {
    return this.verifyJwt(this.extractJwt(input));
  }

  /** The check of a credential the platform issued, by its id (the QR code's link). */
  async verifyById(credentialId: string): Promise<VerificationResult> {
    const rows: Array<{ jwt: string }> = await this.dataSource.query(`SELECT jwt FROM credentials WHERE id = $1`, [credentialId]);
    if (!rows[0]) {
      throw new DomainError('not_found', 'CREDENTIAL_NOT_FOUND', bilingual('Bij deze link hoort geen certificaat', 'No certificate belongs to this link'));
    }
    return this.verifyJwt(rows[0].jwt);
  }

  private async verifyJwt(jwt: string): Promise<VerificationResult> {
    const checkedAt = this.clock.now();
    const forged = (code: string, nl: string, en: string): VerificationResult => ({
      status: 'vervalst',
      valid: false,
      reasons: [{ code, ok: false, message: bilingual(nl, en) }],
      credential: null,
      checkedAt: checkedAt.toISOString(),
    });
    const key = await this.keys.load();
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') {
      return forged('ALGORITHM_NOT_ACCEPTED', `Het certificaat is niet ondertekend met de sleutel van het register (algoritme ${String(header.alg)})`, `The certificate is not signed with the register's key (algorithm ${String(header.alg)})`);
    }
    let payload: Uint8Array;
    try {
      ({ payload } = await compactVerify(jwt, key.publicKey, { algorithms: ['EdDSA', 'Ed25519'] }));
    } catch {
      return forged('SIGNATURE_INVALID', 'De handtekening klopt niet: het certificaat is veranderd of niet door Noloc uitgegeven', 'The signature does not match: the certificate was changed or not issued by Noloc');
    }
    const credential = JSON.parse(new TextDecoder().decode(payload)) as Partial<OpenBadgeCredential> & { type?: unknown };
    const types = ([] as unknown[]).concat(credential.type);
    if (!types.includes('OpenBadgeCredential') || credential.issuer?.id !== this.urls.issuer) {
      throw new DomainError('unprocessable', 'NOT_A_CERTIFICATE', bilingual('Dit is wel door het register ondertekend, maar het is geen certificaat', 'This is signed by the register, but it is not a certificate'));
    }
    const id = String(credential.id ?? '').replace(/^urn:uuid:/, '');
    const rows: Array<{ revoked_at: Date | null }> = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(
          `SELECT r.revoked_at FROM credentials c LEFT JOIN credential_revocations r ON r.credential_id = c.id WHERE c.id = $1 AND c.status_list = $2 AND c.status_index = $3`,
          [id, STATUS_LIST_NUMBER, Number(credential.credentialStatus?.statusListIndex ?? -1)],
        )
      : [];
    if (!rows[0]) {
      return forged('UNKNOWN_CREDENTIAL', 'Het register kent dit certificaat niet', 'The register does not know this certificate');
    }
    const revokedAt = rows[0].revoked_at;
    const validUntil = new Date(credential.validUntil ?? 0);
    const validFrom = new Date(credential.validFrom ?? 0);
    if (Number.isNaN(validUntil.getTime()) || Number.isNaN(validFrom.getTime())) {
      return forged('DATES_INVALID', 'De geldigheidsdata van het certificaat zijn onleesbaar', "The certificate's validity dates cannot be read");
    }
    const expired = checkedAt.getTime() > validUntil.getTime();
    const reasons: VerificationReason[] = [
      { code: 'SIGNATURE_VALID', ok: true, message: bilingual('De handtekening klopt: uitgegeven door Noloc en niet veranderd', 'The signature matches: issued by Noloc and not changed') },
      revokedAt
        ? { code: 'REVOKED', ok: false, message: bilingual(`Ingetrokken door Noloc op ${LONG_DATE.nl.format(new Date(revokedAt))}`, `Revoked by Noloc on ${LONG_DATE.en.format(new Date(revokedAt))}`) }
        : { code: 'NOT_REVOKED', ok: true, message: bilingual('Niet ingetrokken (statuslijst van het register)', "Not revoked (the register's status list)") },
      expired
        ? { code: 'EXPIRED', ok: false, message: bilingual(`Verlopen: geldig tot en met ${LONG_DATE.nl.format(validUntil)}`, `Expired: valid up to and including ${LONG_DATE.en.format(validUntil)}`) }
        : { code: 'WITHIN_VALIDITY', ok: true, message: bilingual(`Geldig tot en met ${LONG_DATE.nl.format(validUntil)}`, `Valid up to and including ${LONG_DATE.en.format(validUntil)}`) },
    ];
    const status: VerificationStatus = revokedAt ? 'ingetrokken' : expired ? 'verlopen' : 'geldig';
    return {
      status,
      valid: status === 'geldig',
      reasons,
      credential: {
        id: credential.id ?? '',
        holderName: credential.credentialSubject?.identifier?.find((i) => i.identityType === 'name')?.identityHash ?? '',
        certificateNumber: credential.credentialSubject?.licenseNumber ?? '',
        achievement: credential.credentialSubject?.achievement?.name ?? '',
        issuer: credential.issuer?.name ?? '',
        validFrom: amsterdamDate(validFrom),
        validUntil: amsterdamDate(validUntil),
        revokedOn: revokedAt ? amsterdamDate(new Date(revokedAt)) : null,
      },
      checkedAt: checkedAt.toISOString(),
    };
  }
}
