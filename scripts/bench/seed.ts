/**
 * Seeds a benchmark database with `candidates` candidates and their dossiers in a few
 * INSERT … SELECT statements, with rows shaped as the
 * services write them. Ids are derived from the candidate number (md5 → uuid v4), so every table can
 * name its parents without a join and the bench knows them without asking.
 *
 * Candidate i (1..N) has one portfolio whose stage follows i % 10:
 *   0–3 draft (partly filled, as the demo draft) · 4 submitted (every other one with one assessor)
 *   5–6 in_assessment (two assessors, independence declared, scorings started)
 *   7 judged · 8 interview_held (both scorings submitted) · 9 decided: certified, in the register.
 * Assessors: a pool of `assessors`; dossier i goes to assessors (i / 10) % A and (i / 10 + 1) % A.
 */
import { Client } from 'pg';
import { hash } from '@node-rs/argon2';
import { demoDossierSections, DEMO_DOSSIER_FILES } from '../../libs/demo/src/demo-dossier.content';
import { assembleDocument, SECTION_KEYS, type SectionContents } from '../../libs/portfolio/src/sections';
import { amsterdamDate } from '../../libs/platform/src/clock';
import { rulebooks } from '../../libs/rulebook/src/index';

export interface SeedOptions {
  candidates: number;
  assessors: number;
}

export interface SeedResult {
  candidates: number;
  dossiers: number;
  auditEvents: number;
  ms: number;
}

/** The bearer token the seed gives each account's session (the apps see only its SHA-256). */
export const benchToken = {
  candidate: (i: number) => `bench-session-candidate-${i}`,
  assessor: (k: number) => `bench-session-assessor-${k}`,
  admin: () => 'bench-session-admin-0001',
};

/** The stage of candidate i's portfolio. */
export function stageOf(i: number): 'draft' | 'submitted' | 'in_assessment' | 'judged' | 'interview_held' | 'decided' {
  const m = i % 10;
  if (m <= 3) return 'draft';
  if (m === 4) return 'submitted';
  if (m <= 6) return 'in_assessment';
  if (m === 7) return 'judged';
  if (m === 8) return 'interview_held';
  return 'decided';
}

const FIRST = ['Sanne', 'Joost', 'Noor', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'Milan', 'Fleur', 'Bram', 'Lotte', 'Thijs', 'Anouk', 'Ruben', 'Iris', 'Jesse', 'Eva', 'Lars', 'Sophie', 'Niels', 'Mila', 'Koen', 'Sara'];
const LAST = ['de Vries', 'Visser', 'Jansen', 'de Jong', 'Bakker', 'van Dijk', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Berg', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'Prins'];

/** Placeholder document ids in the demo content; replaced per candidate in SQL. */
const PLACEHOLDER = (k: number) => `00000000-0000-4000-8000-0000000000${String(k).padStart(2, '0')}`;

/** The content of the demo draft (libs/demo/src/demo-portfolio.ts): three sections filled in. */
const DRAFT_SECTIONS: Partial<Record<(typeof SECTION_KEYS)[number], object>> = {
  cvAndMotivation: { motivation: 'Na tien jaar als HR-adviseur ben ik in 2019 mijn eigen loopbaanpraktijk begonnen. Ik begeleid vooral werknemers in reorganisaties en jongeren die een studiekeuze maken.' },
  'case-1': {
    title: 'Van productiemedewerker naar planner',
    whyChosen: 'Dit traject laat zien hoe ik een werkgeversopdracht combineer met de eigen vraag van de klant.',
    clientType: 'werknemer in reorganisatie',
    questionType: 'outplacement',
    initiator: 'employer',
    period: { start: '2026-01-12', end: '2026-06-30' },
    tasks: { '0': { status: 'described', text: 'Intake met werkgever en klant; afspraken over vertrouwelijkheid en rolverdeling vastgelegd.' } },
  },
  developmentPlan: { answers: { '1': 'Ik wil mijn kennis van arbeidsmarktinformatie actueel houden.' } },
};

/** md5 of the label as a version-4 uuid (version and variant digits set, so the apps' IsUUID takes it). */
const uuid = (label: string) => `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;
const cand = uuid(`'cand-' || i`);
const pf = uuid(`'pf-' || i`);
const assessorOf = (slot: 0 | 1) => uuid(`'assr-' || ((i / 10 + ${slot}) % $A)`);
const admin = uuid(`'admin-0'`);

export async function seed(ownerUrl: string, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const rulebook = [...rulebooks].reverse().find((r) => r.status === 'published')!;
    const today = amsterdamDate(new Date());
    const fileIds = Object.fromEntries(DEMO_DOSSIER_FILES.map((f, k) => [f.key, PLACEHOLDER(k)])) as Parameters<typeof demoDossierSections>[1];
    const full = demoDossierSections(today, fileIds, { gedragscode: 1, klachtenreglement: 1 }) as Record<string, object>;
    const fullContents = Object.fromEntries(SECTION_KEYS.map((k) => [k, full[k] ?? {}])) as SectionContents;
    const document = assembleDocument(rulebook.id, fullContents);
    const passwordHash = await hash('bench-password-not-used', { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const N = options.candidates;
    const A = options.assessors;
    const q = async (sql: string, params: unknown[] = []) => c.query(sql.replace(/\$A\b/g, String(A)).replace(/\$N\b/g, String(N)), params);

    await q('BEGIN');
    // users — AccountsService.createAccount (lower-case e-mail, argon2 hash; candidates verified their address).
    await q(
      `INSERT INTO users (id, email, password_hash, role, display_name, organisation, active, created_at, updated_at, email_verified_at)
       SELECT ${cand}, 'kandidaat-' || i || '@bench.rlp.local', $1, 'candidate',
              ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' || ($3::text[])[1 + (i / array_length($2::text[], 1)) % array_length($3::text[], 1)],
              'Praktijk ' || (i % 997), true, now() - interval '400 days', now() - interval '400 days', now() - interval '399 days'
         FROM generate_series(1, $N) i`,
      [passwordHash, FIRST, LAST],
    );
    await q(
      `INSERT INTO users (id, email, password_hash, role, display_name, organisation, active, created_at, updated_at, email_verified_at)
       SELECT ${uuid(`'assr-' || k`)}, 'assessor-' || k || '@bench.rlp.local', $1, 'assessor', 'Assessor ' || k, 'Assessorenbureau ' || k, true, now() - interval '500 days', now() - interval '500 days', now() - interval '500 days'
         FROM generate_series(0, $A - 1) k
       UNION ALL SELECT ${admin}, 'bureau@bench.rlp.local', $1, 'admin', 'Bureau Bench', 'Noloc certificeringsbureau', true, now() - interval '600 days', now() - interval '600 days', now() - interval '600 days'`,
      [passwordHash],
    );
    // two_factor — TwoFactorService.enrolWithSecret: assessors and admins are enrolled (ADR 0021).
    await q(`INSERT INTO two_factor (user_id, secret, created_at, confirmed_at) SELECT id, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', created_at, created_at FROM users WHERE role <> 'candidate'`);
    // sessions — AccountsService.login: one live session per account, the token's SHA-256 stored.
    await q(
      `INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at, two_factor_pending)
       SELECT id, encode(sha256(convert_to(token, 'UTF8')), 'hex'), now(), now(), now() + interval '30 days', false
         FROM (SELECT ${cand} AS id, 'bench-session-candidate-' || i AS token FROM generate_series(1, $N) i
               UNION ALL SELECT ${uuid(`'assr-' || k`)}, 'bench-session-assessor-' || k FROM generate_series(0, $A - 1) k
               UNION ALL SELECT ${admin}, 'bench-session-admin-0001') t`,
    );
    // documents — DocumentsService (request + confirm): the four verified files of each dossier beyond draft.
    await q(
      `INSERT INTO documents (id, owner_id, status, storage_key, filename, declared_content_type, declared_size, content_type, size_bytes, sha256, created_at, verified_at)
       SELECT ${uuid(`'doc-' || i || '-' || k`)}, ${cand}, 'verified', 'documents/' || ${uuid(`'doc-' || i || '-' || k`)}, 'bestand-' || k || '.pdf', 'application/pdf', 2048 + k, 'application/pdf', 2048 + k,
              encode(sha256(convert_to('doc-' || i || '-' || k, 'UTF8')), 'hex'), now() - interval '300 days', now() - interval '300 days'
         FROM generate_series(1, $N) i CROSS JOIN generate_series(0, ${DEMO_DOSSIER_FILES.length - 1}) k WHERE i % 10 >= 4`,
    );
    // portfolios — PortfolioService.create, SubmissionService.submit and DossierService.transition.
    await q(
      `INSERT INTO portfolios (id, candidate_id, status, rulebook_version, previous_portfolio_id, created_at, updated_at, submitted_at)
       SELECT ${pf}, ${cand}, s.status, $1, NULL, now() - interval '330 days', now() - (i % 200) * interval '1 day',
              CASE WHEN s.status = 'draft' THEN NULL ELSE now() - interval '250 days' + (i * interval '37 seconds') END
         FROM generate_series(1, $N) i
         CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 <= 3 THEN 'draft' WHEN i % 10 = 4 THEN 'submitted' WHEN i % 10 <= 6 THEN 'in_assessment'
                                         WHEN i % 10 = 7 THEN 'judged' WHEN i % 10 = 8 THEN 'interview_held' ELSE 'decided' END AS status) s`,
      [rulebook.id],
    );
    // portfolio_sections + portfolio_section_revisions — PortfolioService.create (version 1, {}) and writeSection (version 2).
    const docIdsSql = (content: string) => {
      const keys = DEMO_DOSSIER_FILES.map((_, k) => k).filter((k) => content.includes(PLACEHOLDER(k)));
      return keys.length === 0 ? `'{}'::uuid[]` : `ARRAY[${keys.map((k) => uuid(`'doc-' || i || '-' || ${k}`)).join(', ')}]`;
    };
    const withDocs = (param: string) => DEMO_DOSSIER_FILES.reduce((sql, _, k) => `replace(${sql}, '${PLACEHOLDER(k)}', ${uuid(`'doc-' || i || '-' || ${k}`)}::text)`, param);
    for (const key of SECTION_KEYS) {
      const draft = DRAFT_SECTIONS[key];
      const fullText = JSON.stringify(fullContents[key]);
      const draftText = JSON.stringify(draft ?? {});
      await q(
        `INSERT INTO portfolio_sections (portfolio_id, section, content, version, document_ids, updated_at, updated_by)
         SELECT ${pf}, $1, CASE WHEN i % 10 <= 3 THEN $2::jsonb ELSE (${withDocs('$3::text')})::jsonb END,
                CASE WHEN i % 10 <= 3 THEN $4::int ELSE 2 END, CASE WHEN i % 10 <= 3 THEN '{}'::uuid[] ELSE ${docIdsSql(fullText)} END,
                now() - interval '260 days', ${cand}
           FROM generate_series(1, $N) i`,
        [key, draftText, fullText, draft ? 2 : 1],
      );
      await q(
        `INSERT INTO portfolio_section_revisions (portfolio_id, section, version, content, saved_at, saved_by)
         SELECT ${pf}, $1, 1, '{}'::jsonb, now() - interval '330 days', ${cand} FROM generate_series(1, $N) i
         UNION ALL
         SELECT ${pf}, $1, 2, CASE WHEN i % 10 <= 3 THEN $2::jsonb ELSE (${withDocs('$3::text')})::jsonb END, now() - interval '260 days', ${cand}
           FROM generate_series(1, $N) i WHERE i % 10 >= 4 OR $4::int = 2`,
        [key, draftText, fullText, draft ? 2 : 1],
      );
    }
    // submissions — SubmissionService.submit: the frozen document, its files, the regulation versions.
    // content_hash is a stand-in here (the bench reads no submission's hash check).
    const documents = DEMO_DOSSIER_FILES.map((f, k) => ({ id: PLACEHOLDER(k), filename: f.filename, contentType: 'application/pdf', sizeBytes: 2048 + k, sha256: '0'.repeat(64) }));
    await q(
      `INSERT INTO submissions (portfolio_id, candidate_id, submitted_at, rulebook_version, regulation_versions, document, documents, content_hash)
       SELECT ${pf}, ${cand}, p.submitted_at, $1, '{"reglement":1,"gedragscode":1,"klachtenreglement":1}'::jsonb,
              (${withDocs('$2::text')})::jsonb, (${withDocs('$3::text')})::jsonb, encode(sha256(convert_to('sub-' || i, 'UTF8')), 'hex')
         FROM generate_series(1, $N) i JOIN portfolios p ON p.id = ${pf} WHERE i % 10 >= 4`,
      [rulebook.id, JSON.stringify(document), JSON.stringify(documents)],
    );
    // assignments — AssignmentService.assign and declareIndependence: two per dossier in assessment,
    // one on every other submitted dossier.
    await q(
      `INSERT INTO assignments (id, portfolio_id, assessor_id, status, assigned_at, assigned_by, independence_declared_at)
       SELECT ${uuid(`'asg-' || i || '-' || slot`)}, ${pf}, CASE WHEN slot = 0 THEN ${assessorOf(0)} ELSE ${assessorOf(1)} END, 'active', now() - interval '240 days' + i * interval '37 seconds' + slot * interval '1 minute', ${admin},
              CASE WHEN i % 10 >= 5 THEN now() - interval '239 days' + i * interval '37 seconds' END
         FROM generate_series(1, $N) i CROSS JOIN generate_series(0, 1) slot
        WHERE i % 10 >= 5 OR (slot = 0 AND i % 20 = 4)`,
    );
    // scorings — AssignmentService.declareIndependence (version 1) and ScoringService.submit (judged and later).
    await q(
      `INSERT INTO scorings (assignment_id, portfolio_id, assessor_id, scores, version, updated_at, submitted_at, started_at, criterion_versions)
       SELECT a.id, a.portfolio_id, a.assessor_id, CASE WHEN p.status = 'in_assessment' THEN '{}'::jsonb ELSE '{"1":{"score":"voldoende"}}'::jsonb END,
              CASE WHEN p.status = 'in_assessment' THEN 1 ELSE 2 END, a.independence_declared_at,
              CASE WHEN p.status <> 'in_assessment' THEN a.independence_declared_at + interval '10 days' END, a.independence_declared_at, '{}'::jsonb
         FROM assignments a JOIN portfolios p ON p.id = a.portfolio_id WHERE a.independence_declared_at IS NOT NULL`,
    );
    // decisions + register_entries — DecisionService.decide (certified) and the register entry it writes.
    await q(
      `INSERT INTO decisions (id, portfolio_id, candidate_id, outcome, motivation, decided_by, decided_at)
       SELECT ${uuid(`'dec-' || i`)}, ${pf}, ${cand}, 'certified', NULL, ${admin}, now() - interval '100 days' + i * interval '37 seconds'
         FROM generate_series(1, $N) i WHERE i % 10 = 9`,
    );
    await q(
      `INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
       SELECT 'RLP-' || lpad(i::text, 6, '0'), ${cand}, ${pf}, ${uuid(`'dec-' || i`)}, u.display_name, current_date - 100, current_date - 100 + interval '5 years', now() - interval '100 days'
         FROM generate_series(1, $N) i JOIN users u ON u.id = ${cand} WHERE i % 10 = 9`,
    );
    // audit_events — AuditService.record, in the order the services write: created, section saves,
    // submitted, assignments, independence, logins. With the dossier column (ADR 0024) filled as the
    // service fills it: the subject when that is a portfolio, otherwise data.portfolioId.
    const withPortfolioColumn = (await c.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_events' AND column_name = 'portfolio_id'`)).rowCount === 1;
    await q(
      `INSERT INTO audit_events (occurred_at, actor_id, action, subject_type, subject_id, request_id, data${withPortfolioColumn ? ', portfolio_id' : ''})
       SELECT occurred_at, actor_id, action, subject_type, subject_id, NULL, data${
         withPortfolioColumn ? `, CASE WHEN subject_type = 'portfolio' THEN subject_id::uuid ELSE (data->>'portfolioId')::uuid END` : ''
       } FROM (
         SELECT p.created_at AS occurred_at, p.candidate_id AS actor_id, 'portfolio.created' AS action, 'portfolio' AS subject_type, p.id::text AS subject_id, jsonb_build_object('rulebookVersion', p.rulebook_version) AS data FROM portfolios p
         UNION ALL
         SELECT s.updated_at, p.candidate_id, 'portfolio.section_saved', 'portfolio', p.id::text, jsonb_build_object('section', s.section, 'version', s.version) FROM portfolio_sections s JOIN portfolios p ON p.id = s.portfolio_id WHERE s.version = 2
         UNION ALL
         SELECT p.submitted_at, p.candidate_id, 'portfolio.submitted', 'portfolio', p.id::text, jsonb_build_object('rulebookVersion', p.rulebook_version) FROM portfolios p WHERE p.submitted_at IS NOT NULL
         UNION ALL
         SELECT a.assigned_at, a.assigned_by, 'assignment.created', 'portfolio', a.portfolio_id::text, jsonb_build_object('portfolioId', a.portfolio_id, 'assignmentId', a.id, 'assessorId', a.assessor_id) FROM assignments a
         UNION ALL
         SELECT a.independence_declared_at, a.assessor_id, 'assignment.independence_declared', 'portfolio', a.portfolio_id::text, jsonb_build_object('portfolioId', a.portfolio_id, 'assignmentId', a.id, 'statement', NULL) FROM assignments a WHERE a.independence_declared_at IS NOT NULL
         UNION ALL
         SELECT s.created_at, s.user_id, 'auth.login', 'session', s.id::text, jsonb_build_object('twoFactor', 'off') FROM sessions s
       ) e ORDER BY occurred_at`,
    );
    await q('COMMIT');
    // Chained as the apps' AuditChainer chains committed events (ADR 0024), so the apps do not spend
    // the measured minutes chaining the seed; with the older per-insert trigger they are chained already.
    // The append-only trigger, which re-checks every chaining update, is off meanwhile (as in the
    // migration's own backfill): the seed is the owner and nothing else writes yet.
    if ((await c.query(`SELECT to_regproc('audit_chain_pending') IS NOT NULL AS present`)).rows[0]?.present) {
      await q(`ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only`);
      try {
        while (((await c.query<{ n: number }>(`SELECT audit_chain_pending(50000) AS n`)).rows[0]?.n ?? 0) > 0);
      } finally {
        await q(`ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only`);
      }
    }
    await q('VACUUM ANALYZE');
    const counts = await c.query<{ dossiers: number; events: number }>(`SELECT (SELECT count(*) FROM portfolios WHERE status <> 'draft')::int AS dossiers, (SELECT count(*) FROM audit_events)::int AS events`);
    return { candidates: N, dossiers: counts.rows[0]!.dossiers, auditEvents: counts.rows[0]!.events, ms: Date.now() - started };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}
