import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An event is chained right after its commit (AuditChainer, ADR 0024). Unchained for longer than
 * this, it is a problem (`UNCHAINED`: no chainer ran, or someone unchained it); younger, it is pending.
 */
export const AUDIT_CHAIN_GRACE_SECONDS = 10;

export interface ChainProblem {
  id: string;
  /** Null for an `UNCHAINED` event. */
  chainSeq: string | null;
  problem: 'HASH_MISMATCH' | 'BROKEN_LINK' | 'SEQUENCE_GAP' | 'UNCHAINED';
}

export interface ChainReport {
  ok: boolean;
  /** Chained events, walked in chain order. */
  events: number;
  /** Events committed less than AUDIT_CHAIN_GRACE_SECONDS ago and not chained yet: not a problem. */
  pending: number;
  /** The newest event's position and hash: record it elsewhere to anchor the chain. */
  head: { chainSeq: string; hash: string } | null;
  /** The first problems found (at most 100). */
  problems: ChainProblem[];
}

interface Row {
  id: string;
  chain_seq: string;
  prev_hash: string | null;
  hash: string;
  occurred: string;
  actor: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  data: string;
}

/** The same input the database's `audit_event_hash` hashes, rebuilt independently of it. */
export function auditEventHash(prev: string | null, r: Omit<Row, 'id' | 'prev_hash' | 'hash'>): string {
  const input = [prev ?? '', r.chain_seq, r.occurred, r.actor ?? '', r.action, r.subject_type, r.subject_id ?? '', r.request_id ?? '', r.data].join('\u001f');
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/**
 * Walks the whole audit trail in chain order and recomputes every hash in Node (not with the
 * database's function, which a tamperer could have replaced): a changed event breaks its own
 * hash, a removed one leaves a gap, an inserted or reordered one breaks the link. Events not yet
 * chained are counted as `pending` while younger than `graceSeconds`, and reported as `UNCHAINED`
 * when older. Given a DataSource, it reads one snapshot (REPEATABLE READ), so the chainer working
 * meanwhile neither hides an event nor counts it twice.
 */
export async function verifyAuditChain(db: DataSource | EntityManager, batch = 5000, graceSeconds = AUDIT_CHAIN_GRACE_SECONDS): Promise<ChainReport> {
  if (db instanceof DataSource) return db.transaction('REPEATABLE READ', (m) => verifySnapshot(m, batch, graceSeconds));
  return verifySnapshot(db, batch, graceSeconds);
}

async function verifySnapshot(db: EntityManager, batch: number, graceSeconds: number): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let events = 0;
  let prev: { seq: bigint; hash: string } | null = null;
  for (;;) {
    const rows: Row[] = await db.query(
      `SELECT "id"::text AS id, "chain_seq"::text AS chain_seq, "prev_hash", "hash",
              to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred,
              "actor_id"::text AS actor, "action", "subject_type", "subject_id", "request_id", "data"::text AS data
         FROM "audit_events" e WHERE e."chain_seq" > $1 ORDER BY e."chain_seq" LIMIT $2`,
      [prev ? prev.seq.toString() : '0', batch],
    );
    for (const r of rows) {
      events++;
      const seq = BigInt(r.chain_seq);
      const add = (problem: ChainProblem['problem']) => problems.length < 100 && problems.push({ id: r.id, chainSeq: r.chain_seq, problem });
      if (seq !== (prev ? prev.seq + 1n : 1n)) add('SEQUENCE_GAP');
      if ((r.prev_hash ?? null) !== (prev?.hash ?? null)) add('BROKEN_LINK');
      if (auditEventHash(r.prev_hash, r) !== r.hash) add('HASH_MISMATCH');
      prev = { seq, hash: r.hash };
    }
    if (rows.length < batch) break;
  }
  const unchained: Array<{ pending: number; stale: string[] | null }> = await db.query(
    `SELECT count(*) FILTER (WHERE "occurred_at" >= now() - make_interval(secs => $1))::int AS pending,
            (array_agg("id"::text ORDER BY "id") FILTER (WHERE "occurred_at" < now() - make_interval(secs => $1)))[1:100] AS stale
       FROM "audit_events" WHERE "chain_seq" IS NULL`,
    [graceSeconds],
  );
  for (const id of unchained[0]?.stale ?? []) if (problems.length < 100) problems.push({ id, chainSeq: null, problem: 'UNCHAINED' });
  return { ok: problems.length === 0, events, pending: unchained[0]?.pending ?? 0, head: prev ? { chainSeq: prev.seq.toString(), hash: prev.hash } : null, problems };
}
