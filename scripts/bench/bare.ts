/**
 * The bare baselines of `npm run bench`: one `node:http` server with a `pg` pool of the apps' size,
 * doing for each measured route what a minimal correct implementation must do, against the same
 * database, in the same process and run as the platform. What every baseline does: read the
 * bearer token and check it with ONE session SELECT (live, not revoked, not expired, not idle,
 * active account, role) — no sliding of last_seen_at, no audit, no validation pipes, no logging,
 * no helmet headers, no ETag of the body. Then one statement for the route and JSON.stringify.
 * The ratio platform ÷ bare is the cost of everything the platform does beyond that.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { Pool, types } from 'pg';
import { portfolioRevision } from '../../libs/portfolio/src/portfolio.service';

const STAGE: Record<string, { nl: string; en: string }> = {
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  in_assessment: { nl: 'In beoordeling', en: 'In assessment' },
  judged: { nl: 'Beoordeeld', en: 'Judged' },
  interview_planned: { nl: 'Gesprek gepland', en: 'Interview planned' },
  interview_held: { nl: 'Gesprek gehouden', en: 'Interview held' },
  decided: { nl: 'Besloten', en: 'Decided' },
  draft: { nl: 'Concept', en: 'Draft' },
};

interface Principal {
  userId: string;
  role: string;
}

export interface BareServer {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/** Dates (`date` columns) as the platform sends them: YYYY-MM-DD, no time zone shift. */
const typeParser = (oid: number, format?: 'text' | 'binary') => (oid === 1082 ? (v: string) => v : types.getTypeParser(oid, format ?? 'text'));

export async function startBare(databaseUrl: string, poolSize: number): Promise<BareServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'rlp-bench-bare', types: { getTypeParser: typeParser as never } });

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };
  const fail = (res: http.ServerResponse, status: number, code: string, details?: unknown) => send(res, status, { code, message: code, ...(details ? { details } : {}) });

  // One SELECT, as the platform's session check must at least do (the platform also slides the idle window).
  async function principal(req: http.IncomingMessage): Promise<Principal | null> {
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const { rows } = await pool.query<Principal>(
      `SELECT u.id AS "userId", u.role FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - interval '24 hours' AND NOT s.two_factor_pending`,
      [createHash('sha256').update(m[1]!, 'utf8').digest('hex')],
    );
    return rows[0] ?? null;
  }

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const limitOf = (url: URL, fallback: number, max: number) => Math.min(max, Math.max(1, Number(url.searchParams.get('limit') ?? fallback) || fallback));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://bare');
    const path = url.pathname;

    // GET /register?q= — public, no session. The same single query the platform's register lookup
    // runs (valid today, not revoked, name part or exact number, 20 + 1 rows); no rate limiting.
    if (req.method === 'GET' && path === '/register') {
      const term = (url.searchParams.get('q') ?? '').trim();
      if (term.length < 3) return fail(res, 400, 'REGISTER_QUERY_TOO_SHORT');
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const { rows } = await pool.query<{ name: string; certificateNumber: string; validUntil: string }>(
        `SELECT r.holder_name AS name, r.certificate_number AS "certificateNumber", r.valid_until AS "validUntil" FROM register_entries r
          WHERE r.valid_until >= current_date
            AND NOT EXISTS (SELECT 1 FROM credentials c JOIN credential_revocations cr ON cr.credential_id = c.id WHERE c.register_entry_id = r.id)
            AND (r.holder_name ILIKE $1 OR r.certificate_number = $2)
          ORDER BY r.holder_name, r.certificate_number LIMIT 21`,
        [like, term.toUpperCase()],
      );
      return send(res, 200, { entries: rows.slice(0, 20), more: rows.length > 20 });
    }

    const me = await principal(req);
    if (!me) return fail(res, 401, 'UNAUTHENTICATED');

    // GET /admin/dossiers?limit= — admins; one query: dossiers beyond draft in submission order
    // with their active assessors and scoring progress aggregated in SQL (no count subquery per row).
    // Returns as many rows as asked (the bench asks for as many as the platform returned).
    if (req.method === 'GET' && path === '/admin/dossiers') {
      if (me.role !== 'admin') return fail(res, 403, 'FORBIDDEN_ROLE');
      const { rows } = await pool.query<{ status: string }>(
        `SELECT p.id AS "portfolioId", p.candidate_id AS "candidateId", u.display_name AS "candidateName", p.status, p.submitted_at AS "submittedAt",
                coalesce(a.n, 0) AS "activeAssessors", coalesce(a.list, '[]'::json) AS assessors
           FROM portfolios p JOIN users u ON u.id = p.candidate_id
           LEFT JOIN LATERAL (
             SELECT count(*)::int AS n, json_agg(json_build_object('assessorId', a.assessor_id, 'assessorName', au.display_name,
                      'scoring', json_build_object('started', s.assignment_id IS NOT NULL, 'version', s.version, 'submittedAt', s.submitted_at)) ORDER BY a.assigned_at, a.id) AS list
               FROM assignments a JOIN users au ON au.id = a.assessor_id LEFT JOIN scorings s ON s.assignment_id = a.id
              WHERE a.portfolio_id = p.id AND a.status = 'active') a ON true
          WHERE p.status <> 'draft' ORDER BY p.submitted_at, p.id LIMIT $1`,
        [limitOf(url, 50, 100_000)],
      );
      return send(res, 200, rows.map((r) => ({ ...r, stage: STAGE[r.status] })));
    }

    // GET /admin/audit-events?portfolioId=&limit= — admins; one query on the (subject_type, subject_id)
    // index: every event about a dossier is recorded with the dossier as its subject (as the services
    // write them and the seed mirrors). No blind-scoring redaction, no cursor sealing.
    if (req.method === 'GET' && path === '/admin/audit-events') {
      if (me.role !== 'admin') return fail(res, 403, 'FORBIDDEN_ROLE');
      const portfolioId = url.searchParams.get('portfolioId') ?? '';
      if (!/^[0-9a-f-]{36}$/i.test(portfolioId)) return fail(res, 400, 'VALIDATION_FAILED');
      const limit = limitOf(url, 100, 500);
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id, occurred_at AS "occurredAt", actor_id AS "actorId", action, subject_type AS "subjectType", subject_id AS "subjectId", request_id AS "requestId", data, chain_seq AS "chainSeq", hash
           FROM audit_events WHERE subject_type = 'portfolio' AND subject_id = $1 ORDER BY id DESC LIMIT $2`,
        [portfolioId, limit + 1],
      );
      const page = rows.slice(0, limit);
      return send(res, 200, { events: page, nextBefore: rows.length > limit ? page[page.length - 1]!.id : null });
    }

    // GET /assessments?limit= — assessors and admins; one join: my active assignments with the
    // dossier, the candidate and my own scoring (nothing of the co-assessor's).
    if (req.method === 'GET' && path === '/assessments') {
      if (me.role !== 'assessor' && me.role !== 'admin') return fail(res, 403, 'FORBIDDEN_ROLE');
      const { rows } = await pool.query<{ status: string; name: string; organisation: string | null }>(
        `SELECT a.portfolio_id AS "portfolioId", p.status, u.display_name AS name, u.organisation, p.submitted_at AS "submittedAt", a.assigned_at AS "assignedAt",
                a.independence_declared_at AS "independenceDeclaredAt", s.submitted_at AS "ownScoringSubmittedAt"
           FROM assignments a JOIN portfolios p ON p.id = a.portfolio_id JOIN users u ON u.id = p.candidate_id LEFT JOIN scorings s ON s.assignment_id = a.id
          WHERE a.assessor_id = $1 AND a.status = 'active' ORDER BY a.assigned_at, a.id LIMIT $2`,
        [me.userId, limitOf(url, 50, 100_000)],
      );
      return send(
        res,
        200,
        rows.map(({ name, organisation, ...r }) => ({ ...r, stage: STAGE[r.status], candidate: { name, organisation } })),
      );
    }

    const portfolioMatch = /^\/portfolios\/([0-9a-f-]{36})(?:\/sections\/([A-Za-z0-9-]{1,32}))?$/i.exec(path);
    if (portfolioMatch && me.role === 'candidate') {
      const [, id, section] = portfolioMatch;
      // GET /portfolios/:id — one query: the own portfolio with every section's version and date
      // (not their content); the revision hash as the platform computes it.
      if (req.method === 'GET' && !section) {
        const { rows } = await pool.query<{ sections: Array<{ section: string; version: number; updatedAt: string }>; [k: string]: unknown }>(
          `SELECT p.id, p.status, p.rulebook_version AS "rulebookVersion", p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.submitted_at AS "submittedAt",
                  p.previous_portfolio_id AS "previousPortfolioId", json_agg(json_build_object('section', s.section, 'version', s.version, 'updatedAt', s.updated_at)) AS sections
             FROM portfolios p JOIN portfolio_sections s ON s.portfolio_id = p.id WHERE p.id = $1 AND p.candidate_id = $2 GROUP BY p.id`,
          [id, me.userId],
        );
        const row = rows[0];
        if (!row) return fail(res, 404, 'PORTFOLIO_NOT_FOUND');
        return send(res, 200, { ...row, revision: portfolioRevision(row.sections), sections: row.sections.map((s) => ({ ...s, etag: `"${s.section}.${s.version}"` })) });
      }
      // PATCH /portfolios/:id/sections/:section with If-Match — one conditional UPDATE of the own
      // draft's section (shallow JSON merge in SQL); 412 when the version moved. No revision row, no
      // audit event, no rulebook validation, no size or document checks.
      if (req.method === 'PATCH' && section) {
        const version = /^"[A-Za-z0-9-]+\.(\d+)"$/.exec(req.headers['if-match'] ?? '')?.[1];
        if (!version) return fail(res, 428, 'PRECONDITION_REQUIRED');
        let patch: unknown;
        try {
          patch = JSON.parse(await readBody(req));
        } catch {
          return fail(res, 400, 'INVALID_JSON');
        }
        if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return fail(res, 400, 'INVALID_SECTION');
        const { rows } = await pool.query<{ version: number; updatedAt: Date; content: unknown }>(
          `UPDATE portfolio_sections s SET content = s.content || $1::jsonb, version = s.version + 1, updated_at = now(), updated_by = $2
             FROM portfolios p
            WHERE s.portfolio_id = $3 AND s.section = $4 AND s.version = $5 AND p.id = s.portfolio_id AND p.candidate_id = $2 AND p.status = 'draft'
            RETURNING s.version, s.updated_at AS "updatedAt", s.content`,
          [JSON.stringify(patch), me.userId, id, section, Number(version)],
        );
        const row = rows[0];
        if (!row) return fail(res, 412, 'STALE_SECTION');
        const etag = `"${section}.${row.version}"`;
        return send(res, 200, { section, version: row.version, etag, updatedAt: row.updatedAt, content: row.content }, { etag });
      }
    }
    return fail(res, 404, 'NOT_FOUND');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, 'INTERNAL', { message: (err as Error).message });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
