import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { UploadConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import type { AppConfig } from '../../platform/src/config';
import { StorageService } from '../../storage/src/storage.service';
import { BoundedGate, GateFull } from './bounded-gate';
import { DocumentEntity } from './document.entity';
import { hashed } from './reclaim';
import { ALLOWED_CONTENT_TYPES, ALLOWED_TYPES, contentDisposition, isAllowedContentType, safeFilename, sniffContentType } from './file-types';

export interface DocumentView {
  id: string;
  status: DocumentEntity['status'];
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string | null;
  rejectionCode: string | null;
  createdAt: string;
  verifiedAt: string | null;
}

export interface UploadRequest {
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/** Somewhere a document is still used; deleting it is refused while one exists. */
export interface DocumentReference {
  where: string;
  id: string;
}

export type ReferenceFinder = (manager: EntityManager, documentId: string) => Promise<DocumentReference[]>;

/** Pending uploads whose bytes never arrived are removed after this long. */
const PENDING_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_PENDING_PER_OWNER = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function documentView(d: DocumentEntity): DocumentView {
  return {
    id: d.id,
    status: d.status,
    filename: d.filename,
    contentType: d.contentType ?? d.declaredContentType,
    sizeBytes: Number(d.sizeBytes ?? d.declaredSize),
    sha256: d.sha256,
    rejectionCode: d.rejectionCode,
    createdAt: d.createdAt.toISOString(),
    verifiedAt: d.verifiedAt?.toISOString() ?? null,
  };
}

const notFound = () => new DomainError('not_found', 'DOCUMENT_NOT_FOUND', bilingual('Document niet gevonden', 'Document not found'));

/** Where the client uploads: the one key a presigned PUT URL is ever made for. */
export const incomingKey = (ownerId: string, id: string) => `incoming/${ownerId}/${id}`;
/**
 * Where the verified bytes are kept: a key no client ever gets a write URL for. One per confirm
 * attempt, so two confirms running at once never write the same object.
 */
export const verifiedKey = (ownerId: string, id: string, copyId: string) => `verified/${ownerId}/${id}/${copyId}`;

/** How long confirming, or checking a stored object before it is served, may take. */
const STREAM_TIMEOUT_MS = 120_000;
/** Enough first bytes to recognise every allowed type. */
const HEAD_BYTES = 16;
/**
 * Stored objects this process streams and hashes at once (confirm, integrity check before a
 * download), and how many such reads may wait for a place; one more is answered 503
 * DOCUMENT_CHECKS_BUSY with Retry-After instead of holding its stream open (ADR 0026).
 */
export const HASH_CONCURRENCY = 2;
export const HASH_MAX_WAITING = 64;

type Verdict = { code: string; details: Record<string, unknown> };
/** The verified bytes, kept under `key`. */
type Kept = { key: string; contentType: string; sizeBytes: number; sha256: string };

/** What streaming an object once tells: its size, its SHA-256 and its first bytes. */
interface Measured {
  sizeBytes: number;
  sha256: string;
  head: Buffer;
}

const notReceived = () => new DomainError('conflict', 'UPLOAD_NOT_RECEIVED', bilingual('Het bestand is nog niet geüpload', 'The file has not been uploaded yet'));
const unavailable = () => new DomainError('unavailable', 'STORAGE_UNAVAILABLE', bilingual('De documentopslag is niet bereikbaar', 'Document storage is unreachable'));
const checksBusy = () =>
  new DomainError(
    'unavailable',
    'DOCUMENT_CHECKS_BUSY',
    bilingual('Er worden nu te veel bestanden gecontroleerd; probeer het over enkele seconden opnieuw', 'Too many files are being checked right now; try again in a few seconds'),
    { maxConcurrent: HASH_CONCURRENCY, maxWaiting: HASH_MAX_WAITING },
    { 'Retry-After': '5' },
  );

/**
 * Uploads straight to storage with presigned URLs, then verification of the stored object by the
 * server (ADR 0005): existence, size, type by first bytes, SHA-256. Failing objects are deleted;
 * passing ones are copied to a key no client can write, and only that copy is ever served.
 */
@Injectable()
export class DocumentsService {
  private readonly limits: UploadConfig;
  /** Bounds the stored objects streamed and hashed at once: memory stays flat however many confirm together. */
  readonly hashing = new BoundedGate(HASH_CONCURRENCY, HASH_MAX_WAITING);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = config.uploads;
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  async requestUpload(ownerId: string, request: UploadRequest, requestId?: string) {
    if (!isAllowedContentType(request.contentType)) {
      throw new DomainError(
        'validation',
        'UPLOAD_TYPE_NOT_ALLOWED',
        bilingual('Alleen PDF, JPEG en PNG zijn toegestaan', 'Only PDF, JPEG and PNG are allowed'),
        { allowed: ALLOWED_CONTENT_TYPES, contentType: request.contentType },
      );
    }
    if (request.sizeBytes > this.limits.maxBytes) {
      throw new DomainError('too_large', 'UPLOAD_TOO_LARGE', bilingual('Het bestand is te groot', 'The file is too large'), {
        maxBytes: this.limits.maxBytes,
        sizeBytes: request.sizeBytes,
      });
    }
    await this.purgeStalePending(ownerId);
    const pending = await this.dataSource.manager.countBy(DocumentEntity, { ownerId, status: 'pending' });
    if (pending >= MAX_PENDING_PER_OWNER) {
      throw new DomainError('rate_limited', 'TOO_MANY_PENDING_UPLOADS', bilingual('Rond eerst je openstaande uploads af', 'Finish your pending uploads first'), {
        pending,
        max: MAX_PENDING_PER_OWNER,
      });
    }
    // An upload URL for a storage that is down would only fail in the browser: refuse it here.
    await this.storage.ping();
    const id = randomUUID();
    // The upload goes to an incoming key; confirm keeps a verified copy elsewhere (ADR 0005).
    const storageKey = incomingKey(ownerId, id);
    const url = await this.storage.presignUpload(storageKey, { contentType: request.contentType, sizeBytes: request.sizeBytes, expiresInSeconds: this.limits.uploadUrlTtlSeconds });
    const now = this.clock.now();
    await this.dataSource.manager.insert(DocumentEntity, {
      id,
      ownerId,
      status: 'pending',
      storageKey,
      filename: safeFilename(request.filename, request.contentType),
      declaredContentType: request.contentType,
      declaredSize: String(request.sizeBytes),
      createdAt: now,
    });
    await this.audit.record({ actorId: ownerId, action: 'document.upload_requested', subjectType: 'document', subjectId: id, requestId, data: { contentType: request.contentType, sizeBytes: request.sizeBytes } });
    return {
      document: documentView(await this.find(ownerId, id)),
      upload: {
        method: 'PUT' as const,
        url,
        headers: { 'Content-Type': request.contentType },
        expiresAt: new Date(now.getTime() + this.limits.uploadUrlTtlSeconds * 1000).toISOString(),
        maxBytes: this.limits.maxBytes,
      },
    };
  }

  /**
   * Verifies the uploaded object and keeps exactly the verified bytes (ADR 0005): the object at the
   * incoming key is streamed once (size, first bytes, SHA-256), copied by the endpoint to a
   * verified key no client has a URL for, and the copy is streamed again and must have the same
   * size and SHA-256. Only then does the row point at the copy; the upload is deleted. A re-PUT to
   * the upload URL afterwards changes nothing anyone is served. Idempotent: confirming a verified
   * document returns it.
   */
  async confirm(ownerId: string, id: string, requestId?: string): Promise<DocumentView> {
    const doc = await this.find(ownerId, id);
    if (doc.status === 'verified') return documentView(doc);
    if (doc.status === 'rejected') throw this.rejection(doc.rejectionCode ?? 'UPLOAD_REJECTED', {});
    const upload = doc.storageKey;
    const info = await this.storage.head(upload);
    if (info === null) throw notReceived();
    const outcome = this.sizeVerdict(doc, info.sizeBytes) ?? (await this.keep(doc, AbortSignal.timeout(STREAM_TIMEOUT_MS)));
    if ('code' in outcome) {
      await this.storage.delete(upload);
      await this.dataSource.transaction(async (m) => {
        const res = await m.update(DocumentEntity, { id, status: 'pending' }, { status: 'rejected', rejectionCode: outcome.code });
        if (res.affected === 1) {
          await this.audit.record({ actorId: ownerId, action: 'document.rejected', subjectType: 'document', subjectId: id, requestId, data: { code: outcome.code, ...outcome.details } }, m);
        }
      });
      throw this.rejection(outcome.code, outcome.details);
    }
    const verified = outcome;
    const won = await this.dataSource.transaction(async (m) => {
      const res = await m.update(
        DocumentEntity,
        { id, status: 'pending' },
        {
          status: 'verified',
          storageKey: verified.key,
          contentType: verified.contentType,
          sizeBytes: String(verified.sizeBytes),
          sha256: verified.sha256,
          verifiedAt: this.clock.now(),
          filename: safeFilename(doc.filename, verified.contentType as never),
        },
      );
      if (res.affected !== 1) return false;
      await this.audit.record({ actorId: ownerId, action: 'document.verified', subjectType: 'document', subjectId: id, requestId, data: { contentType: verified.contentType, sizeBytes: verified.sizeBytes, sha256: verified.sha256 } }, m);
      return true;
    });
    // Row first, objects second: a failure here leaves an object no row points at, never a row
    // without its object. A concurrent confirm that got there first keeps its own copy.
    await this.storage.delete(won ? upload : verified.key).catch(() => undefined);
    return documentView(await this.find(ownerId, id));
  }

  /**
   * Streams the upload once; when it passes, has the endpoint copy it to a fresh verified key and
   * streams the copy: it must be the same bytes. Returns why the upload is refused, or the copy.
   */
  private async keep(doc: DocumentEntity, signal: AbortSignal): Promise<Verdict | Kept> {
    const measured = await this.measure(doc.storageKey, this.limits.maxBytes, signal);
    if (measured === null) throw notReceived();
    if (measured === 'too_large') return { code: 'UPLOAD_TOO_LARGE', details: { maxBytes: this.limits.maxBytes } };
    const refused = this.sizeVerdict(doc, measured.sizeBytes) ?? this.typeVerdict(doc, measured.head);
    if (refused !== null) return refused;
    const contentType = doc.declaredContentType; // what the first bytes showed (typeVerdict)
    const key = verifiedKey(doc.ownerId, doc.id, randomUUID());
    let copy: Measured | 'too_large' | null;
    try {
      await this.storage.copy(doc.storageKey, key, contentType, signal);
      copy = await this.measure(key, measured.sizeBytes, signal);
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
    if (copy === null || copy === 'too_large' || copy.sizeBytes !== measured.sizeBytes || copy.sha256 !== measured.sha256) {
      // The upload was replaced between reading and copying it: keep nothing; the client may confirm again.
      await this.storage.delete(key).catch(() => undefined);
      throw new DomainError(
        'conflict',
        'UPLOAD_CHANGED',
        bilingual('Het bestand werd tijdens de controle opnieuw geüpload; bevestig het opnieuw', 'The file was uploaded again while it was being checked; confirm it again'),
      );
    }
    return { key, contentType, sizeBytes: measured.sizeBytes, sha256: measured.sha256 };
  }

  /** Empty, over the limit, or not the length the client declared (and the upload URL signed). */
  private sizeVerdict(doc: DocumentEntity, sizeBytes: number): Verdict | null {
    if (sizeBytes === 0) return { code: 'UPLOAD_EMPTY', details: {} };
    if (sizeBytes > this.limits.maxBytes) return { code: 'UPLOAD_TOO_LARGE', details: { maxBytes: this.limits.maxBytes, sizeBytes } };
    const declared = Number(doc.declaredSize);
    if (sizeBytes !== declared) return { code: 'UPLOAD_SIZE_MISMATCH', details: { declaredBytes: declared, receivedBytes: sizeBytes } };
    return null;
  }

  private typeVerdict(doc: DocumentEntity, head: Buffer): Verdict | null {
    const sniffed = sniffContentType(head);
    if (sniffed === null) return { code: 'UPLOAD_TYPE_NOT_ALLOWED', details: { allowed: ALLOWED_CONTENT_TYPES } };
    if (sniffed !== doc.declaredContentType) return { code: 'UPLOAD_TYPE_MISMATCH', details: { declared: doc.declaredContentType, found: sniffed } };
    return null;
  }

  /**
   * Streams an object once: its size, SHA-256 and first bytes. Stops as soon as it passes `limit`
   * bytes ('too_large'); null when the object does not exist. At most HASH_CONCURRENCY run at once
   * in this process; the others wait their turn (within `signal`'s deadline), and when
   * HASH_MAX_WAITING already wait the call fails at once with 503 DOCUMENT_CHECKS_BUSY.
   */
  private async measure(key: string, limit: number, signal: AbortSignal): Promise<Measured | 'too_large' | null> {
    let release: () => void;
    try {
      release = await this.hashing.acquire(signal);
    } catch (err) {
      throw err instanceof GateFull ? checksBusy() : unavailable();
    }
    try {
      return await this.measureNow(key, limit, signal);
    } finally {
      release();
    }
  }

  private async measureNow(key: string, limit: number, signal: AbortSignal): Promise<Measured | 'too_large' | null> {
    const opened = await this.storage.open(key, signal);
    if (opened === null) return null;
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of opened.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) return 'too_large';
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        hash.update(chunk);
        hashed(chunk.length);
      }
    } catch {
      throw unavailable();
    } finally {
      opened.body.destroy();
    }
    return { sizeBytes: size, sha256: hash.digest('hex'), head };
  }

  private rejection(code: string, details: Record<string, unknown>): DomainError {
    const messages: Record<string, [string, string]> = {
      UPLOAD_EMPTY: ['Het bestand is leeg', 'The file is empty'],
      UPLOAD_TOO_LARGE: ['Het bestand is te groot', 'The file is too large'],
      UPLOAD_TYPE_NOT_ALLOWED: ['Dit is geen PDF-, JPEG- of PNG-bestand', 'This is not a PDF, JPEG or PNG file'],
      UPLOAD_TYPE_MISMATCH: ['De inhoud van het bestand past niet bij het opgegeven type', 'The file content does not match its declared type'],
      UPLOAD_SIZE_MISMATCH: ['Het bestand is niet zo groot als opgegeven', 'The file is not the size that was declared'],
    };
    const [nl, en] = messages[code] ?? ['Het bestand is geweigerd', 'The file was refused'];
    return new DomainError(code === 'UPLOAD_TOO_LARGE' ? 'too_large' : 'validation', code, bilingual(`${nl}; het is verwijderd`, `${en}; it has been removed`), details);
  }

  async list(ownerId: string): Promise<DocumentView[]> {
    const rows = await this.dataSource.manager.find(DocumentEntity, { where: { ownerId, status: In(['pending', 'verified']) }, order: { createdAt: 'ASC' } });
    return rows.map(documentView);
  }

  async get(ownerId: string, id: string): Promise<DocumentView> {
    return documentView(await this.find(ownerId, id));
  }

  async find(ownerId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity> {
    const doc = await manager.findOneBy(DocumentEntity, { id, ownerId });
    if (!doc) throw notFound();
    return doc;
  }

  /** Verified documents of this owner among `ids`, locked against deletion until the transaction ends. */
  async lockVerified(manager: EntityManager, ownerId: string, ids: readonly string[]): Promise<DocumentEntity[]> {
    // Only UUIDs can name a document; anything else would be a database error in the uuid column.
    ids = ids.filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    return manager
      .createQueryBuilder(DocumentEntity, 'd')
      .setLock('pessimistic_read')
      .where('d.id IN (:...ids)', { ids: [...new Set(ids)] })
      .andWhere('d.owner_id = :ownerId', { ownerId })
      .andWhere(`d.status = 'verified'`)
      .getMany();
  }

  async download(ownerId: string, id: string): Promise<{ url: string; expiresAt: string; filename: string; contentType: string }> {
    return this.presignedDownload(await this.find(ownerId, id));
  }

  /** For documents everyone logged in may read (a published regulation's official PDF). */
  async downloadPublic(id: string): Promise<{ url: string; expiresAt: string; filename: string; contentType: string }> {
    const doc = await this.dataSource.manager.findOneBy(DocumentEntity, { id });
    if (!doc) throw notFound();
    return this.presignedDownload(doc);
  }

  private async presignedDownload(doc: DocumentEntity): Promise<{ url: string; expiresAt: string; filename: string; contentType: string }> {
    if (doc.status !== 'verified' || !doc.contentType || !isAllowedContentType(doc.contentType)) {
      throw new DomainError('conflict', 'DOCUMENT_NOT_VERIFIED', bilingual('Dit document is nog niet gecontroleerd', 'This document has not been verified yet'));
    }
    // Likewise a download link: say now that storage is down.
    await this.storage.ping();
    await this.assertIntact(doc);
    const ttl = this.limits.downloadUrlTtlSeconds;
    const url = await this.storage.presignDownload(doc.storageKey, {
      contentType: doc.contentType,
      contentDisposition: contentDisposition(doc.filename),
      expiresInSeconds: ttl,
    });
    return { url, expiresAt: new Date(this.clock.now().getTime() + ttl * 1000).toISOString(), filename: doc.filename, contentType: doc.contentType };
  }

  /**
   * Hands out nothing but the verified bytes: the stored object is streamed and must have the
   * recorded size and SHA-256 (the checksum a submission froze). Clients never get a URL that can
   * write the verified key, but an endpoint that does not check signatures (the embedded s3rver)
   * or anyone with write access to the bucket could still change it; then the document is not
   * served (409 DOCUMENT_INTEGRITY_FAILED) and the audit trail records it for the office.
   */
  private async assertIntact(doc: DocumentEntity): Promise<void> {
    const expected = Number(doc.sizeBytes);
    const found = await this.measure(doc.storageKey, expected, AbortSignal.timeout(STREAM_TIMEOUT_MS));
    if (found !== null && found !== 'too_large' && found.sizeBytes === expected && found.sha256 === doc.sha256) return;
    throw await this.integrityFailure(doc, found === null ? { missing: true } : found === 'too_large' ? { sizeBytes: `> ${expected}` } : { sizeBytes: found.sizeBytes, sha256: found.sha256 });
  }

  /**
   * The bytes of a verified document as a stream that fails rather than deliver other bytes than
   * were verified: it counts and hashes as it goes, errors as soon as there are too many, and holds
   * back the last chunk until the whole object has the recorded SHA-256.
   */
  async openVerified(doc: DocumentEntity, signal: AbortSignal): Promise<Readable> {
    const opened = await this.storage.open(doc.storageKey, signal);
    if (opened === null) throw await this.integrityFailure(doc, { missing: true });
    const expected = Number(doc.sizeBytes);
    const hash = createHash('sha256');
    let size = 0;
    let held: Buffer | null = null;
    const check = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        size += chunk.length;
        if (size > expected) {
          this.integrityFailure(doc, { sizeBytes: `> ${expected}` }).then(done, done);
          return;
        }
        hash.update(chunk);
        const previous = held;
        held = chunk;
        done(null, previous);
      },
      flush: (done) => {
        const sha256 = hash.digest('hex');
        if (size === expected && sha256 === doc.sha256) {
          done(null, held);
          return;
        }
        this.integrityFailure(doc, { sizeBytes: size, sha256 }).then(done, done);
      },
    });
    pipeline(opened.body, check, () => undefined);
    return check;
  }

  private async integrityFailure(doc: DocumentEntity, found: Record<string, unknown>): Promise<DomainError> {
    const expected = { sizeBytes: Number(doc.sizeBytes), sha256: doc.sha256 };
    await this.audit
      .record({ actorId: null, action: 'document.integrity_failed', subjectType: 'document', subjectId: doc.id, data: { storageKey: doc.storageKey, expected, found } })
      .catch(() => undefined);
    return new DomainError(
      'conflict',
      'DOCUMENT_INTEGRITY_FAILED',
      bilingual(
        'Het opgeslagen bestand is niet meer het gecontroleerde bestand en wordt niet geleverd; het certificeringsbureau is ingelicht',
        'The stored file is no longer the file that was checked and is not served; the certification office has been notified',
      ),
      { documentId: doc.id, expected },
    );
  }

  /** Refused while anything still references the document; the object goes after the row. */
  async delete(ownerId: string, id: string, references: ReferenceFinder, requestId?: string): Promise<void> {
    const key = await this.dataSource.transaction(async (m) => {
      const doc = await m.createQueryBuilder(DocumentEntity, 'd').setLock('pessimistic_write').where('d.id = :id AND d.owner_id = :ownerId', { id, ownerId }).getOne();
      if (!doc) throw notFound();
      const refs = await references(m, id);
      if (refs.length > 0) {
        throw new DomainError('conflict', 'DOCUMENT_IN_USE', bilingual('Dit document wordt nog gebruikt in je portfolio; haal het daar eerst weg', 'This document is still used in your portfolio; remove it there first'), {
          references: refs,
        });
      }
      await m.delete(DocumentEntity, { id });
      await this.audit.record({ actorId: ownerId, action: 'document.deleted', subjectType: 'document', subjectId: id, requestId, data: { sha256: doc.sha256 } }, m);
      return doc.storageKey;
    });
    // Row first, object second: no row ever points at a missing object. A failure here leaves an
    // orphaned object only, which no one can reach. The upload key too: a PUT to the upload URL
    // after confirm may have put something there again.
    for (const stored of new Set([key, incomingKey(ownerId, id)])) await this.storage.delete(stored).catch(() => undefined);
  }

  /** Removes this owner's uploads that were requested long ago and never confirmed. */
  private async purgeStalePending(ownerId: string): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - PENDING_LIFETIME_MS);
    const stale = await this.dataSource.manager.findBy(DocumentEntity, { ownerId, status: 'pending', createdAt: LessThan(cutoff) });
    for (const doc of stale) {
      await this.storage.delete(doc.storageKey);
      await this.dataSource.manager.delete(DocumentEntity, { id: doc.id, status: 'pending' });
    }
  }

  /** The extension for a verified type (used by exports). */
  static extension(contentType: string): string {
    return isAllowedContentType(contentType) ? ALLOWED_TYPES[contentType].extension : 'bin';
  }
}
