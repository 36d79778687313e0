import { createHash, randomUUID } from 'node:crypto';
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
import { DocumentEntity } from './document.entity';
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

/**
 * Uploads straight to storage with presigned URLs, then verification of the stored object by the
 * server (ADR 0005): existence, size, type by first bytes, SHA-256. Failing objects are deleted.
 */
@Injectable()
export class DocumentsService {
  private readonly limits: UploadConfig;

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
    const storageKey = `documents/${ownerId}/${id}`;
    const url = await this.storage.presignUpload(storageKey, request.contentType, this.limits.uploadUrlTtlSeconds);
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

  /** Verifies the uploaded object. Idempotent: confirming a verified document returns it. */
  async confirm(ownerId: string, id: string, requestId?: string): Promise<DocumentView> {
    const doc = await this.find(ownerId, id);
    if (doc.status === 'verified') return documentView(doc);
    if (doc.status === 'rejected') throw this.rejection(doc.rejectionCode ?? 'UPLOAD_REJECTED', {});
    const info = await this.storage.head(doc.storageKey);
    if (info === null) {
      throw new DomainError('conflict', 'UPLOAD_NOT_RECEIVED', bilingual('Het bestand is nog niet geüpload', 'The file has not been uploaded yet'));
    }
    let verdict: { code: string; details: Record<string, unknown> } | { contentType: string; sizeBytes: number; sha256: string };
    if (info.sizeBytes === 0) verdict = { code: 'UPLOAD_EMPTY', details: {} };
    else if (info.sizeBytes > this.limits.maxBytes) verdict = { code: 'UPLOAD_TOO_LARGE', details: { maxBytes: this.limits.maxBytes, sizeBytes: info.sizeBytes } };
    else verdict = await this.inspect(doc);

    if ('code' in verdict) {
      await this.storage.delete(doc.storageKey);
      await this.dataSource.transaction(async (m) => {
        await m.update(DocumentEntity, { id, status: 'pending' }, { status: 'rejected', rejectionCode: verdict.code });
        await this.audit.record({ actorId: ownerId, action: 'document.rejected', subjectType: 'document', subjectId: id, requestId, data: { code: verdict.code, ...verdict.details } }, m);
      });
      throw this.rejection(verdict.code, verdict.details);
    }
    await this.dataSource.transaction(async (m) => {
      const res = await m.update(
        DocumentEntity,
        { id, status: 'pending' },
        { status: 'verified', contentType: verdict.contentType, sizeBytes: String(verdict.sizeBytes), sha256: verdict.sha256, verifiedAt: this.clock.now(), filename: safeFilename(doc.filename, verdict.contentType as never) },
      );
      if (res.affected === 1) {
        await this.audit.record({ actorId: ownerId, action: 'document.verified', subjectType: 'document', subjectId: id, requestId, data: { contentType: verdict.contentType, sizeBytes: verdict.sizeBytes, sha256: verdict.sha256 } }, m);
      }
    });
    return documentView(await this.find(ownerId, id));
  }

  /** Streams the object once: first bytes for the type, every byte for the checksum and the size. */
  private async inspect(doc: DocumentEntity): Promise<{ code: string; details: Record<string, unknown> } | { contentType: string; sizeBytes: number; sha256: string }> {
    const stream = await this.storage.read(doc.storageKey, AbortSignal.timeout(120_000));
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.limits.maxBytes) {
          stream.destroy();
          return { code: 'UPLOAD_TOO_LARGE', details: { maxBytes: this.limits.maxBytes } };
        }
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
      }
    } catch {
      throw new DomainError('unavailable', 'STORAGE_UNAVAILABLE', bilingual('De documentopslag is niet bereikbaar', 'Document storage is unreachable'));
    }
    if (size === 0) return { code: 'UPLOAD_EMPTY', details: {} };
    const sniffed = sniffContentType(head);
    if (sniffed === null) return { code: 'UPLOAD_TYPE_NOT_ALLOWED', details: { allowed: ALLOWED_CONTENT_TYPES } };
    if (sniffed !== doc.declaredContentType) return { code: 'UPLOAD_TYPE_MISMATCH', details: { declared: doc.declaredContentType, found: sniffed } };
    return { contentType: sniffed, sizeBytes: size, sha256: hash.digest('hex') };
  }

  private rejection(code: string, details: Record<string, unknown>): DomainError {
    const messages: Record<string, [string, string]> = {
      UPLOAD_EMPTY: ['Het bestand is leeg', 'The file is empty'],
      UPLOAD_TOO_LARGE: ['Het bestand is te groot', 'The file is too large'],
      UPLOAD_TYPE_NOT_ALLOWED: ['Dit is geen PDF-, JPEG- of PNG-bestand', 'This is not a PDF, JPEG or PNG file'],
      UPLOAD_TYPE_MISMATCH: ['De inhoud van het bestand past niet bij het opgegeven type', 'The file content does not match its declared type'],
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
    const ttl = this.limits.downloadUrlTtlSeconds;
    const url = await this.storage.presignDownload(doc.storageKey, {
      contentType: doc.contentType,
      contentDisposition: contentDisposition(doc.filename),
      expiresInSeconds: ttl,
    });
    return { url, expiresAt: new Date(this.clock.now().getTime() + ttl * 1000).toISOString(), filename: doc.filename, contentType: doc.contentType };
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
    // orphaned object only, which no one can reach.
    await this.storage.delete(key).catch(() => undefined);
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
