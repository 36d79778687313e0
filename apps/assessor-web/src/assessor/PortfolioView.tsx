import { Alert, Button, Heading1, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { useI18n, type TextKey } from '../i18n';
import { DossierBreadcrumb, DossierNav } from './DossierNav';
import { getJson, isIndependenceMissing, useDossier, useFindings, useGuidance, usePortfolio, type DownloadLink, type FrozenPortfolio, type Guidance, type SubmissionDocument } from './model';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field names of the portfolio document for people (see docs/portfolio-document.schema.json). */
const FIELD_LABELS: Record<string, readonly [string, string]> = {
  route: ['Route', 'Route'],
  evidence: ['Bewijsstukken', 'Evidence'],
  kind: ['Soort', 'Kind'],
  title: ['Titel', 'Title'],
  issuedBy: ['Uitgegeven door', 'Issued by'],
  date: ['Datum', 'Date'],
  level: ['Niveau', 'Level'],
  bocLevel: ['BOC-niveau', 'BOC level'],
  nlqfLevel: ['NLQF-niveau', 'NLQF level'],
  studyLoadHours: ['Studiebelasting (uren)', 'Study load (hours)'],
  attested: ['Verklaard door de kandidaat', 'Attested by the candidate'],
  documentId: ['Document', 'Document'],
  cvDocumentId: ['Curriculum vitae', 'Curriculum vitae'],
  experienceDeclaration: ['Verklaring over werkervaring', 'Declaration of work experience'],
  activeDeclaration: ['Verklaring: werkzaam als loopbaanprofessional', 'Declaration: working as a career professional'],
  activeSince: ['Actief sinds', 'Active since'],
  hours: ['Uren', 'Hours'],
  hoursSince: ['Uren sinds', 'Hours since'],
  confirmsWhatCounts: ['Bevestigt wat meetelt', 'Confirms what counts'],
  signed: ['Ondertekend', 'Signed'],
  signedAt: ['Ondertekend op', 'Signed on'],
  currentlyActive: ['Nu werkzaam', 'Currently working'],
  workContext: ['Werkcontext', 'Work context'],
  motivation: ['Motivatie', 'Motivation'],
  whyChosen: ['Waarom dit traject', 'Why this trajectory'],
  clientType: ['Type cliënt', 'Type of client'],
  questionType: ['Type vraag', 'Type of question'],
  initiator: ['Initiatiefnemer', 'Initiator'],
  period: ['Periode', 'Period'],
  start: ['Begin', 'Start'],
  end: ['Einde', 'End'],
  gedragscode: ['Gedragscode', 'Code of conduct'],
  klachtenreglement: ['Klachtenreglement', 'Complaints procedure'],
  truthful: ['Naar waarheid ingevuld', 'Filled in truthfully'],
  accepted: ['Geaccepteerd', 'Accepted'],
  acceptedAt: ['Geaccepteerd op', 'Accepted on'],
  version: ['Versie', 'Version'],
  signedByInstitution: ['Ondertekend door de opleidingsinstantie', 'Signed by the institution'],
  nvaoAccredited: ['NVAO-geaccrediteerd', 'NVAO-accredited'],
  crohoMensEnOrganisatie: ['CROHO-opleiding “mens en organisatie”', 'CROHO programme “mens en organisatie”'],
};
const VALUE_LABELS: Record<string, readonly [string, string]> = {
  client: ['de cliënt zelf', 'the client'],
  employer: ['de werkgever', 'the employer'],
  other: ['een ander', 'someone else'],
  diploma: ['Diploma', 'Diploma'],
  courseCertificate: ['Certificaat van cursus of opleiding', 'Course certificate'],
  evcReport: ['EVC-rapportage', 'EVC report'],
  assessmentReport: ['Assessmentrapport', 'Assessment report'],
  accreditedProgrammeCertificate: ['Certificaat van een Noloc-geaccrediteerde opleiding', 'Certificate of a Noloc-accredited programme'],
};
const HIDDEN = new Set(['id', 'schemaVersion', 'rulebookVersion']);

function useLabels() {
  const { lang, t, date } = useI18n();
  const i = lang === 'nl' ? 0 : 1;
  const label = (key: string) => FIELD_LABELS[key]?.[i] ?? key;
  const value = (v: unknown): string => {
    if (v === true) return t('yes');
    if (v === false) return t('no');
    if (v === null || v === undefined || v === '') return t('empty');
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v);
    if (typeof v === 'string') return VALUE_LABELS[v]?.[i] ?? v;
    return String(v);
  };
  return { label, value };
}

/** A document of the submission, opened inline (PDF in a frame, image as image) from a short-lived link. */
function DocumentViewer({ dossierId, documentId, documents }: { dossierId: string; documentId: string; documents: SubmissionDocument[] }) {
  const { t } = useI18n();
  const doc = documents.find((d) => d.id === documentId);
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<{ blob: string; link: DownloadLink } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open || view) return;
    let cancelled = false;
    (async () => {
      const link = await getJson<DownloadLink>(`/assessments/${dossierId}/documents/${documentId}`);
      // The link is short-lived and says "attachment": fetch the bytes and show them from a blob.
      const res = await fetch(link.url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const blob = new Blob([await res.blob()], { type: link.contentType });
      if (!cancelled) setView({ blob: URL.createObjectURL(blob), link });
    })().catch((err: unknown) => {
      if (!cancelled) setError(err);
    });
    return () => {
      cancelled = true;
    };
  }, [open, view, dossierId, documentId]);
  useEffect(() => () => (view ? URL.revokeObjectURL(view.blob) : undefined), [view]);
  const name = doc?.filename ?? documentId;
  return (
    <div className="rlp-document">
      <span className="rlp-document__name">{name}</span>{' '}
      <Button appearance="secondary-action-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? `${t('closeDocument')}` : `${t('openDocument')}`}
        <span className="rlp-visually-hidden"> {name}</span>
      </Button>
      {open ? (
        <div className="rlp-document__view">
          {error ? <ErrorBox error={error} /> : null}
          {!view && !error ? <p className="rlp-loading" role="status">{t('documentLoading')}</p> : null}
          {view ? (
            <>
              {view.link.contentType.startsWith('image/') ? (
                <img className="rlp-document__image" src={view.blob} alt={`${t('documentPreview')} ${name}`} />
              ) : (
                <iframe className="rlp-pdf-preview" src={view.blob} title={`${t('documentPreview')} ${name}`} />
              )}
              <Paragraph>
                <a href={view.blob} download={view.link.filename}>
                  {t('downloadDocument')} {view.link.filename}
                </a>
              </Paragraph>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Any part of the document as a list of labelled values; documents open inline. */
function Value({ v, ctx, name }: { v: unknown; ctx: Ctx; name?: string }): ReactNode {
  const { label, value } = useLabels();
  if ((name === 'documentId' || name === 'cvDocumentId') && typeof v === 'string') return <DocumentViewer dossierId={ctx.id} documentId={v} documents={ctx.documents} />;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span className="rlp-hint">{value(null)}</span>;
    return (
      <ol className="rlp-doc-list">
        {v.map((item, i) => (
          <li key={i}>
            <Value v={item} ctx={ctx} />
          </li>
        ))}
      </ol>
    );
  }
  if (isObj(v)) {
    const entries = Object.entries(v).filter(([k]) => !HIDDEN.has(k));
    return (
      <dl className="rlp-facts">
        {entries.map(([k, x]) => (
          <div className="rlp-contents" key={k}>
            <dt>{label(k)}</dt>
            <dd>
              <Value v={x} ctx={ctx} name={k} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (typeof v === 'string' && v.length > 80) return <p className="rlp-quote">{v}</p>;
  return <>{value(v)}</>;
}

interface Ctx {
  id: string;
  documents: SubmissionDocument[];
}

function Text({ text }: { text: unknown }) {
  const { t } = useI18n();
  return typeof text === 'string' && text.trim() ? <p className="rlp-quote">{text}</p> : <p className="rlp-hint">{t('empty')}</p>;
}

function GuidanceAside({ title, items, extra }: { title: string; items: readonly string[]; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <aside className="rlp-aside" aria-label={`${t('guidanceTitle')}: ${title}`}>
      <p className="rlp-aside__title">{t('indicators')}</p>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      {extra}
    </aside>
  );
}

function CasePart({ c, n, g, ctx }: { c: Obj; n: number; g: Guidance | undefined; ctx: Ctx }) {
  const { t } = useI18n();
  const tasks = isObj(c['tasks']) ? c['tasks'] : {};
  const knowledge = isObj(c['knowledgeAreaReflections']) ? c['knowledgeAreaReflections'] : {};
  const competences = isObj(c['competenceReflections']) ? c['competenceReflections'] : {};
  const attitude = isObj(c['attitudeAnswers']) ? c['attitudeAnswers'] : {};
  const facts = Object.fromEntries(Object.entries(c).filter(([k]) => !['tasks', 'knowledgeAreaReflections', 'competenceReflections', 'attitudeAnswers', 'title'].includes(k)));
  const title = typeof c['title'] === 'string' && c['title'] ? `: ${c['title']}` : '';
  return (
    <section className="rlp-part" id={`deel-C${n}`} aria-labelledby={`deel-C${n}-title`}>
      <Heading2 id={`deel-C${n}-title`}>{`C. ${t('caseN')} ${n}${title}`}</Heading2>
      <Heading3>{t('caseFacts')}</Heading3>
      <Value v={facts} ctx={ctx} />
      <Heading3>{t('processDescription')}</Heading3>
      {(g?.cases.tasks ?? Object.keys(tasks).map((id) => ({ id, title: id, indicators: [] as string[], handreiking: [] as string[] }))).map((task) => {
        const raw = tasks[task.id];
        const entry: Obj = isObj(raw) ? raw : {};
        const status = typeof entry['status'] === 'string' ? entry['status'] : typeof entry['text'] === 'string' && entry['text'] ? 'described' : 'missing';
        return (
          <div className="rlp-with-aside rlp-task" key={task.id} id={`casus-${n}-taak-${task.id}`}>
            <div>
              <Heading4>{`${t('task')} ${task.id}: ${task.title}`}</Heading4>
              <p className="rlp-hint">{t(`taskStatus_${status}` as TextKey)}</p>
              {status === 'not_relevant' ? (
                <>
                  <p className="rlp-aside__title">{t('notRelevantMotivation')}</p>
                  <Text text={entry['notRelevantMotivation']} />
                </>
              ) : (
                <Text text={entry['text']} />
              )}
            </div>
            {task.indicators.length > 0 ? <GuidanceAside title={`${t('task')} ${task.id}`} items={task.indicators} /> : <div />}
          </div>
        );
      })}
      <Heading3>{t('knowledgeReflections')}</Heading3>
      {(g?.cases.knowledge.items ?? []).filter((a) => typeof knowledge[a.id] === 'string' && (knowledge[a.id] as string).trim()).map((a) => (
        <div className="rlp-with-aside rlp-task" key={a.id}>
          <div>
            <Heading4>{`${a.id}. ${a.title}`}</Heading4>
            <Text text={knowledge[a.id]} />
          </div>
          <GuidanceAside title={a.title} items={a.indicators} />
        </div>
      ))}
      <Heading3>{t('competenceReflections')}</Heading3>
      {(g?.cases.competences.items ?? []).map((comp) => (
        <div className="rlp-with-aside rlp-task" key={comp.id}>
          <div>
            <Heading4>{comp.title}</Heading4>
            <Text text={competences[comp.id]} />
          </div>
          <GuidanceAside title={comp.title} items={comp.indicators} extra={<p>{comp.definition}</p>} />
        </div>
      ))}
      <Heading3>{t('attitudeAnswers')}</Heading3>
      {(g?.cases.attitude.criteria ?? []).map((a) => (
        <div className="rlp-with-aside rlp-task" key={a.id}>
          <div>
            <Heading4>{a.title}</Heading4>
            <Text text={attitude[a.id]} />
          </div>
          <aside className="rlp-aside" aria-label={`${t('guidanceTitle')}: ${a.title}`}>
            <p className="rlp-aside__title">{t('question')}</p>
            <p>{a.question}</p>
            <p className="rlp-hint">{a.description}</p>
          </aside>
        </div>
      ))}
    </section>
  );
}

function Part({ id, title, children, notScored }: { id: string; title: string; children: ReactNode; notScored?: boolean }) {
  const { t } = useI18n();
  return (
    <section className="rlp-part" id={`deel-${id}`} aria-labelledby={`deel-${id}-title`}>
      <Heading2 id={`deel-${id}-title`}>{title}</Heading2>
      {notScored ? <p className="rlp-hint">{t('notScored')}</p> : null}
      {children}
    </section>
  );
}

function Findings({ id }: { id: string }) {
  const { t, lang, date } = useI18n();
  const findings = useFindings(id);
  if (findings.isLoading) return <Loading />;
  if (!findings.data) return <ErrorBox error={findings.error} />;
  const list = findings.data.findings;
  return (
    <section className="rlp-card" aria-labelledby="findings-title">
      <Heading2 id="findings-title">{t('findingsTitle')}</Heading2>
      <p className="rlp-hint">{`${t('findingsIntro')} (${date(findings.data.referenceDate)})`}</p>
      {list.length === 0 ? (
        <Paragraph>{t('findingsNone')}</Paragraph>
      ) : (
        <ul className="rlp-findings">
          {list.map((f) => (
            <li key={`${f.code}${f.path}`} className={f.severity === 'warning' ? 'rlp-findings__warning' : undefined}>
              <strong>{f.severity === 'warning' ? t('warning') : t('blocking')}</strong> ({f.part}): {f.message[lang]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Portfolio({ id, p }: { id: string; p: FrozenPortfolio }) {
  const { t, lang, dateTime } = useI18n();
  const guidance = useGuidance(lang, p.rulebookVersion);
  const g = guidance.data;
  const doc = p.document;
  const ctx: Ctx = { id, documents: p.documents };
  const title = (part: string, fallback: string) => g?.parts[part]?.title ?? fallback;
  const cases = Array.isArray(doc['cases']) ? (doc['cases'] as unknown[]).filter(isObj) : [];
  const plan = isObj(doc['developmentPlan']) ? doc['developmentPlan'] : {};
  const answers = isObj(plan['answers']) ? plan['answers'] : {};
  const parts: Array<{ id: string; title: string }> = [
    { id: 'A', title: title('A', 'A. Opleiding') },
    { id: 'B1', title: title('B1', 'B.1 Werkervaring') },
    { id: 'B2', title: title('B2', 'B.2 Curriculum vitae en motivatie') },
    ...cases.map((c, i) => ({ id: `C${i + 1}`, title: `C. ${t('caseN')} ${i + 1}` })),
    { id: 'D', title: title('D', 'D. Ontwikkelplan') },
    { id: 'E', title: title('E', 'E. Verklaring') },
  ];
  return (
    <>
      <dl className="rlp-facts">
        <dt>{t('submittedAt')}</dt>
        <dd>{dateTime(p.submittedAt)}</dd>
        <dt>{t('rulebookVersion')}</dt>
        <dd>{p.rulebookVersion}</dd>
        <dt>{t('contentHash')}</dt>
        <dd>
          <span className="rlp-hash">{p.contentHash.slice(0, 16)}…</span> {p.contentHashValid ? <span className="rlp-stamp">✓ {t('hashValid')}</span> : <strong className="rlp-error-text">✗ {t('hashInvalid')}</strong>}
        </dd>
      </dl>
      <div className="rlp-actions">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/assessments/${id}/portfolio.pdf`} download>
          {t('downloadPdf')}
        </a>
      </div>
      <nav aria-label={t('partsNav')} className="rlp-card">
        <ol className="rlp-section-list">
          {parts.map((part) => (
            <li key={part.id}>
              <a href={`#deel-${part.id}`}>{part.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <Findings id={id} />
      {guidance.error ? <ErrorBox error={guidance.error} /> : null}
      <Part id="A" title={title('A', 'A. Opleiding')}>
        <Value v={doc['education']} ctx={ctx} />
      </Part>
      <Part id="B1" title={title('B1', 'B.1 Werkervaring')}>
        <Value v={doc['workExperience']} ctx={ctx} />
      </Part>
      <Part id="B2" title={title('B2', 'B.2 Curriculum vitae en motivatie')} notScored>
        <Value v={doc['cvAndMotivation']} ctx={ctx} />
      </Part>
      {cases.map((c, i) => (
        <CasePart key={i} c={c} n={i + 1} g={g} ctx={ctx} />
      ))}
      <Part id="D" title={title('D', 'D. Ontwikkelplan')} notScored>
        {(g?.developmentPlan?.questions ?? Object.keys(answers).map((qid) => ({ id: qid, text: qid }))).map((q) => (
          <div key={q.id}>
            <Heading3>{q.text}</Heading3>
            <Text text={answers[q.id]} />
          </div>
        ))}
      </Part>
      <Part id="E" title={title('E', 'E. Verklaring')} notScored>
        <Value v={doc['declarations']} ctx={ctx} />
      </Part>
    </>
  );
}

/** The frozen submission, part by part, with its documents inline, the guidance beside it and the rulebook's findings. */
export function PortfolioView() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dossier = useDossier(id);
  const independent = Boolean(dossier.data?.independenceDeclaredAt);
  const portfolio = usePortfolio(id, independent);
  return (
    <>
      <DossierBreadcrumb id={id} here={t('portfolioTitle')} />
      <Heading1>{t('portfolioTitle')}</Heading1>
      <DossierNav id={id} />
      {dossier.isLoading ? <Loading /> : null}
      {dossier.error ? <ErrorBox error={dossier.error} /> : null}
      {dossier.data && !independent ? (
        <Alert type="warning">
          <Paragraph>{t('portfolioLocked')}</Paragraph>
          <Paragraph>
            <Link to={`/dossiers/${id}`}>{t('independenceTitle')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {independent ? <Paragraph>{t('portfolioFrozen')}</Paragraph> : null}
      {independent && portfolio.isLoading ? <Loading /> : null}
      {portfolio.error && !isIndependenceMissing(portfolio.error) ? <ErrorBox error={portfolio.error} /> : null}
      {portfolio.data ? <Portfolio id={id} p={portfolio.data} /> : null}
    </>
  );
}
