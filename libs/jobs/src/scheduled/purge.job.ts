import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../audit/src/audit.service';
import { S3_CLIENT, STORAGE_BUCKET, StorageService } from '../../../storage/src/storage.service';
import { JobsService, type JobOutcome } from '../jobs.service';

/** An upload requested this long ago and never confirmed is stale (as DocumentsService says). */
export const PENDING_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** An object no row points at is removed only when it is at least this old (a write in progress has no row yet). */
export const ORPHAN_MIN_AGE_MS = 24 * 60 * 60 * 1000;
/** The prefixes the platform writes (documents, verified copies, submission PDFs); nothing else is touched. */
export const OWNED_PREFIXES = ['incoming/', 'verified/', 'submissions/'] as const;

/**
 * Stale pending uploads: a document row still `pending` a day after it was requested (the upload
 * never confirmed), and not named by any portfolio section, loses its object and then its row
 * (object first: a row never points at a missing object). Audited. Also drops the cached draft
 * previews of portfolios that are no longer drafts (ADR 0026): nothing serves them any more.
 */
@Injectable()
export class PurgeUploadsJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'purge-uploads', cron: '17 * * * *', run: ({ now }) => this.run(now) });
  }

  async run(now: Date): Promise<JobOutcome> {
    const cutoff = new Date(now.getTime() - PENDING_UPLOAD_LIFETIME_MS);
    const stale = (await this.dataSource.query(
      `SELECT d."id", d."owner_id", d."storage_key" FROM "documents" d
        WHERE d."status" = 'pending' AND d."created_at" < $1
          AND NOT EXISTS (SELECT 1 FROM "portfolio_sections" s WHERE d."id" = ANY(s."document_ids"))
        ORDER BY d."created_at" LIMIT 1000`,
      [cutoff],
    )) as Array<{ id: string; owner_id: string; storage_key: string }>;
    let purged = 0;
    for (const doc of stale) {
      await this.storage.delete(doc.storage_key);
      const gone = await this.dataSource.transaction(async (m) => {
        const rows = (await m.query(`DELETE FROM "documents" WHERE "id" = $1 AND "status" = 'pending' RETURNING "id"`, [doc.id])) as unknown[];
        const deleted = (Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows).length > 0;
        if (deleted) {
          await this.audit.record({ actorId: null, action: 'document.purged', subjectType: 'document', subjectId: doc.id, data: { reason: 'pending upload never confirmed', ownerId: doc.owner_id } }, m);
        }
        return deleted;
      });
      if (gone) purged++;
    }
    const previews = (await this.dataSource.query(
      `DELETE FROM "portfolio_preview_pdfs" c USING "portfolios" p WHERE p."id" = c."portfolio_id" AND p."status" <> 'draft' RETURNING c."portfolio_id"`,
    )) as unknown[];
    return { stale: stale.length, purged, previews: (Array.isArray(previews[0]) ? (previews[0] as unknown[]) : previews).length };
  }
}

/**
 * Storage objects that no row points at (a crash between writing an object and its row, a
 * replaced PDF…). Lists the bucket, under the platform's own prefixes only; an object is removed
 * only when no column named `*storage_key` in any table holds its key (found in the catalogue,
 * so a new table with such a column is protected without touching this job) and it is older than
 * a day. Never deletes an object a row points at: the key set is read after the listing.
 */
@Injectable()
export class PurgeOrphanObjectsJob implements OnModuleInit {
  private readonly log = new Logger('PurgeOrphanObjects');

  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(S3_CLIENT) private readonly s3: S3Client,
    @Inject(STORAGE_BUCKET) private readonly bucket: string,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'purge-orphan-objects', cron: '30 3 * * *', run: ({ now }) => this.run(now) });
  }

  /** Every key some row points at, from every `…storage_key` column of the public schema. */
  private async referencedKeys(): Promise<Set<string>> {
    const columns = (await this.dataSource.query(
      `SELECT quote_ident(table_name) AS t, quote_ident(column_name) AS c FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%storage\\_key' AND data_type IN ('character varying', 'text')`,
    )) as Array<{ t: string; c: string }>;
    if (!columns.some((x) => x.t === 'documents' || x.t === '"documents"')) throw new Error('documents.storage_key not found: refusing to purge');
    const keys = new Set<string>();
    for (const { t, c } of columns) {
      const rows = (await this.dataSource.query(`SELECT ${c} AS k FROM public.${t} WHERE ${c} IS NOT NULL`)) as Array<{ k: string }>;
      for (const r of rows) keys.add(r.k);
    }
    return keys;
  }

  async run(now: Date): Promise<JobOutcome> {
    const candidates: string[] = [];
    let listed = 0;
    for (const prefix of OWNED_PREFIXES) {
      let token: string | undefined;
      do {
        const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          listed++;
          if (o.Key && o.LastModified && now.getTime() - o.LastModified.getTime() >= ORPHAN_MIN_AGE_MS) candidates.push(o.Key);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
    // Read after listing: a row written meanwhile protects its object.
    const referenced = await this.referencedKeys();
    // A pending document's upload key is its storage_key; a verified one's upload key is already
    // deleted, but a late PUT may have recreated it: incoming/<owner>/<id> of a live document is kept too.
    const liveDocs = new Set(((await this.dataSource.query(`SELECT "owner_id" || '/' || "id" AS k FROM "documents"`)) as Array<{ k: string }>).map((r) => `incoming/${r.k}`));
    let deleted = 0;
    for (const key of candidates) {
      if (referenced.has(key) || liveDocs.has(key)) continue;
      await this.storage.delete(key);
      deleted++;
    }
    if (deleted) this.log.log(`removed ${deleted} storage objects no row points at`);
    return { listed, candidates: candidates.length, deleted };
  }
}
