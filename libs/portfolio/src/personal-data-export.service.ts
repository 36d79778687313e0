import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { UserEntity } from '../../accounts/src/user.entity';
import { AuditService } from '../../audit/src/audit.service';
import { DocumentEntity } from '../../documents/src/document.entity';
import { DocumentsService, documentView } from '../../documents/src/documents.service';
import { safeFilename } from '../../documents/src/file-types';
import { Clock } from '../../platform/src/clock';
import { StorageService } from '../../storage/src/storage.service';

/**
 * Everything the platform stores about a person (AVG/GDPR, right of access): their account,
 * sessions (metadata only), portfolios with every saved revision, submissions, regulation
 * acceptances, documents with their files, and the audit events about them or by them.
 * Password hashes and session tokens are never exported.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(userId: string, requestId?: string): Promise<{ stream: NodeJS.ReadableStream; filename: string }> {
    await this.storage.ping();
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql, [userId]);
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    const data = {
      exportedAt: this.clock.now().toISOString(),
      account: { id: user.id, email: user.email, role: user.role, displayName: user.displayName, organisation: user.organisation, active: user.active, createdAt: user.createdAt, updatedAt: user.updatedAt },
      sessions: await q(`SELECT "id", "created_at", "last_seen_at", "expires_at", "revoked_at" FROM "sessions" WHERE "user_id" = $1 ORDER BY "created_at"`),
      portfolios: await q(`SELECT * FROM "portfolios" WHERE "candidate_id" = $1 ORDER BY "created_at"`),
      sections: await q(`SELECT s.* FROM "portfolio_sections" s JOIN "portfolios" p ON p."id" = s."portfolio_id" WHERE p."candidate_id" = $1 ORDER BY s."portfolio_id", s."section"`),
      sectionRevisions: await q(`SELECT r.* FROM "portfolio_section_revisions" r JOIN "portfolios" p ON p."id" = r."portfolio_id" WHERE p."candidate_id" = $1 ORDER BY r."portfolio_id", r."section", r."version"`),
      submissions: await q(`SELECT * FROM "submissions" WHERE "candidate_id" = $1 ORDER BY "submitted_at"`),
      regulationAcceptances: await q(
        `SELECT a."id", a."portfolio_id", a."accepted_at", v."type", v."version" FROM "regulation_acceptances" a JOIN "regulation_versions" v ON v."id" = a."regulation_version_id" WHERE a."user_id" = $1 ORDER BY a."accepted_at"`,
      ),
      auditEvents: await q(
        `SELECT * FROM "audit_events" WHERE "actor_id" = $1 OR ("subject_type" IN ('user', 'account') AND "subject_id" = $1::text)
           OR ("subject_type" = 'portfolio' AND "subject_id" IN (SELECT "id"::text FROM "portfolios" WHERE "candidate_id" = $1))
           OR ("subject_type" = 'document' AND "subject_id" IN (SELECT "id"::text FROM "documents" WHERE "owner_id" = $1))
         ORDER BY "id"`,
      ),
    };
    const documents = await this.dataSource.manager.find(DocumentEntity, { where: { ownerId: userId }, order: { createdAt: 'ASC' } });
    const files = documents.filter((d) => d.status === 'verified');
    const json = Buffer.from(JSON.stringify({ ...data, documents: documents.map(documentView) }, null, 2));
    await this.audit.record({ actorId: userId, action: 'account.personal_data_exported', subjectType: 'user', subjectId: userId, requestId, data: { documents: files.length } });
    return { stream: Readable.from(this.archive(json, files)), filename: `rlp-gegevens-${this.clock.now().toISOString().slice(0, 10)}.zip` };
  }

  /**
   * The ZIP, built only once the response reads it, so every failure reaches the response's error
   * handling (the download breaks off) instead of an unwatched stream. Each file comes through
   * `openVerified`: the bytes that were verified, or an error instead of other bytes.
   */
  private async *archive(json: Buffer, files: DocumentEntity[]): AsyncGenerator<Buffer> {
    const zip = new ZipFile();
    const output = zip.outputStream as Readable; // a PassThrough; typed as the older NodeJS.ReadableStream
    const fail = (err: unknown) => output.destroy(err instanceof Error ? err : new Error(String(err)));
    zip.on('error', fail);
    zip.addBuffer(json, 'gegevens.json');
    zip.addBuffer(Buffer.from(README), 'LEESMIJ.txt');
    for (const doc of files) {
      const name = `bestanden/${doc.id}-${safeFilename(doc.filename, doc.contentType as never)}`;
      zip.addReadStreamLazy(name, (cb) => {
        this.documents.openVerified(doc, AbortSignal.timeout(5 * 60_000)).then(
          (stream) => {
            stream.on('error', fail);
            cb(null, stream);
          },
          fail,
        );
      });
    }
    zip.end();
    for await (const chunk of output as AsyncIterable<Buffer>) yield chunk;
  }
}

const README = `Uw gegevens bij Register Loopbaanprofessional / Your data at Register Loopbaanprofessional

gegevens.json  alles wat het platform over u bewaart (account, portfolio's met elke opgeslagen versie,
               indieningen, acceptaties van reglementen, documenten en de audit-trail over u)
               everything the platform stores about you
bestanden/     uw geüploade bestanden, met de id uit gegevens.json / your uploaded files
`;
