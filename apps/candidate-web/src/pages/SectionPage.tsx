import { Alert, Button, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { DocumentView, Guidance } from '../api/types';
import { useSectionEditor, type Conflict, type SaveState, type SectionStore } from '../autosave';
import { SchemaForm, type FieldFinding } from '../forms/SchemaForm';
import { sectionSchema } from '../forms/schema';
import { useI18n } from '../i18n';
import type { Json, JsonObject } from '../json';
import { useCompleteness, useDocuments, useGuidance, usePortfolio } from '../queries';
import { localPointer, SECTIONS, sectionBySlug } from '../sections';
import { FindingList } from '../ui/progress';
import { useLivePrivacy } from '../privacy';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { DeclarationsForm } from './DeclarationsForm';
import { sectionTitle } from './PortfolioPage';

export default function SectionPage() {
  const { id = '', slug } = useParams();
  const info = sectionBySlug(slug);
  const portfolio = usePortfolio(id);
  if (!info) return <Navigate to={`/portfolio/${id}`} replace />;
  if (portfolio.isLoading) return <Loading />;
  // A failed background refetch keeps the data: the editor (and what is being typed) stays.
  if (portfolio.error && !portfolio.data) return <ErrorBox error={portfolio.error} />;
  return <SectionEditor key={info.key} portfolioId={id} section={info.key} readOnly={portfolio.data?.status !== 'draft'} />;
}

const HIDDEN = ['id'];
const NO_DOCUMENTS: DocumentView[] = [];

/** The declarations form reads the whole (small) section, so it follows every change of it. */
function DeclarationsBinding(props: { portfolioId: string; store: SectionStore; onChange: (v: JsonObject) => void; readOnly: boolean; guidance: Guidance | undefined }) {
  const value = useSyncExternalStore(props.store.subscribe, props.store.get) ?? {};
  return <DeclarationsForm portfolioId={props.portfolioId} value={value} onChange={props.onChange} readOnly={props.readOnly} guidance={props.guidance} />;
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  const text: Record<SaveState, string> = {
    loading: t('loading'),
    saved: t('saved'),
    dirty: t('unsaved'),
    saving: t('saving'),
    offline: t('offline'),
    conflict: t('conflictTitle'),
    error: t('saveFailed'),
    unauthenticated: t('sessionExpired'),
  };
  return (
    <p className={`rlp-save rlp-save--${state}`} role="status" aria-live="polite" data-save-state={state}>
      {text[state]}
    </p>
  );
}

function show(v: Json | undefined): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v || '—';
  return JSON.stringify(v);
}

function ConflictPanel({ conflict, resolve }: { conflict: Conflict; resolve: (choice: (c: Conflict['fields'][number]) => 'mine' | 'theirs') => void }) {
  const { t } = useI18n();
  return (
    <section className="rlp-conflict" aria-labelledby="conflict-title" role="alertdialog" aria-modal="false">
      <Heading2 id="conflict-title">{t('conflictTitle')}</Heading2>
      <Paragraph>{t('conflictIntro')}</Paragraph>
      {conflict.fields.map((f) => (
        <div className="rlp-conflict__field" key={f.pointer}>
          <Heading3>{f.pointer.slice(1).replace(/\//g, ' › ')}</Heading3>
          <div className="rlp-conflict__versions">
            <div>
              <p className="rlp-conflict__label">{t('conflictMine')}</p>
              <pre className="rlp-conflict__text" data-version="mine">{show(f.mine)}</pre>
            </div>
            <div>
              <p className="rlp-conflict__label">{t('conflictTheirs')}</p>
              <pre className="rlp-conflict__text" data-version="theirs">{show(f.theirs)}</pre>
            </div>
          </div>
        </div>
      ))}
      <div className="rlp-actions">
        <Button appearance="primary-action-button" onClick={() => resolve(() => 'mine')}>
          {t('keepMine')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => resolve(() => 'theirs')}>
          {t('keepTheirs')}
        </Button>
      </div>
    </section>
  );
}

function SectionEditor({ portfolioId, section, readOnly }: { portfolioId: string; section: string; readOnly: boolean }) {
  const { t, lang, message } = useI18n();
  const client = useQueryClient();
  const location = useLocation();
  const editor = useSectionEditor(portfolioId, section, {
    readOnly,
    onSaved: () => {
      void client.invalidateQueries({ queryKey: ['completeness', portfolioId] });
      void client.invalidateQueries({ queryKey: ['portfolio', portfolioId] });
    },
  });
  const report = useCompleteness(portfolioId, !readOnly);
  const documents = useDocuments();
  const guidance = useGuidance();
  const node = sectionSchema(section);
  const g = guidance.data;
  // The privacy check (AVG) runs here, on what is typed, before any save (ADR 0022).
  const privacy = useLivePrivacy(editor.store, section, editor.loaded && !readOnly);

  const { findings, sectionFindings } = useMemo(() => {
    const map = new Map<string, FieldFinding[]>();
    const list = (report.data?.findings ?? []).filter((f) => localPointer(f.path)?.section.key === section || (f.section === section && !localPointer(f.path)));
    for (const f of list) {
      const local = localPointer(f.path);
      const pointer = local?.pointer ?? '';
      const entry = { code: f.code, text: f.text ?? f.message[lang], severity: f.severity };
      map.set(pointer, [...(map.get(pointer) ?? []), entry]);
    }
    return { findings: map, sectionFindings: list };
  }, [report.data, section, lang]);

  // A link from the checklist names a field: bring it into view once the form is there.
  const loaded = editor.loaded;
  useEffect(() => {
    if (!loaded || !location.hash) return;
    const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    const input = el.matches('input,textarea,select') ? el : el.querySelector<HTMLElement>('input,textarea,select');
    input?.focus({ preventScroll: true });
  }, [loaded, location.hash]);

  const aside = useCallback((pointer: string) => (g ? asideFor(section, pointer, g, t('indicators'), t('guidance'), t('koppeling')) : null), [g, section, t]);
  const choices = useCallback(
    (pointer: string) => (section === 'education' && pointer === '/route' && g ? g.education.routes.map((r) => ({ value: r.id, label: `${r.id} — ${r.criterion}` })) : null),
    [g, section],
  );
  const index = SECTIONS.findIndex((s) => s.key === section);
  const prev = SECTIONS[index - 1];
  const next = SECTIONS[index + 1];
  return (
    <>
      <p className="rlp-breadcrumb">
        <Link to={`/portfolio/${portfolioId}`}>{t('overview')}</Link> › {sectionTitle(section, lang)}
      </p>
      <div className="rlp-title-row">
        <Heading1>{sectionTitle(section, lang)}</Heading1>
        {!readOnly ? <SaveIndicator state={editor.state} /> : null}
      </div>
      {readOnly ? (
        <Alert type="info">
          <Paragraph>{t('viewOnly')}</Paragraph>
        </Alert>
      ) : null}
      {g ? <Intro section={section} guidance={g} /> : null}
      {editor.state === 'unauthenticated' ? (
        <Alert type="warning" role="alert">
          <Paragraph>
            {t('sessionExpired')} <Link to={`/inloggen?terug=${encodeURIComponent(location.pathname)}`}>{t('logIn')}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      {editor.state === 'error' && editor.problem ? (
        <Alert type="error" role="alert">
          <Paragraph>{message(editor.problem.message)}</Paragraph>
          {Array.isArray(editor.problem.problem.details) ? (
            <ul>
              {(editor.problem.problem.details as Array<{ path?: string; message?: string; constraints?: string[] }>).slice(0, 10).map((d, i) => (
                <li key={i}>
                  {d.path ?? ''} {d.message ?? (d.constraints ?? []).join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {editor.conflict ? <ConflictPanel conflict={editor.conflict} resolve={editor.resolveConflict} /> : null}
      {sectionFindings.length > 0 && !readOnly ? (
        <section className="rlp-todo" aria-labelledby="todo">
          <Heading2 id="todo">{t('findingsHere')}</Heading2>
          <FindingList findings={sectionFindings} portfolioId={portfolioId} />
        </section>
      ) : null}
      {editor.loadError ? <ErrorBox error={editor.loadError} /> : null}
      {!editor.loaded && !editor.loadError ? <Loading /> : null}
      {editor.loaded && node ? (
        <form className="rlp-form" onSubmit={(e) => e.preventDefault()} aria-busy={editor.state === 'saving'}>
          {section === 'declarations' ? (
            <DeclarationsBinding portfolioId={portfolioId} store={editor.store} onChange={editor.setValue} readOnly={readOnly || Boolean(editor.conflict)} guidance={g} />
          ) : (
            <SchemaForm
              node={node}
              store={editor.store}
              onChange={editor.setValue}
              readOnly={readOnly || Boolean(editor.conflict)}
              documents={documents.data ?? NO_DOCUMENTS}
              findings={findings}
              hidden={HIDDEN}
              aside={aside}
              choices={choices}
              coreTasks={g?.cases.trajectory?.coreTasks}
              privacy={privacy}
            />
          )}
        </form>
      ) : null}
      <nav className="rlp-pager" aria-label={t('partsNav')}>
        {prev ? <Link to={`/portfolio/${portfolioId}/${prev.slug}`}>← {sectionTitle(prev.key, lang)}</Link> : <span />}
        {next ? <Link to={`/portfolio/${portfolioId}/${next.slug}`}>{sectionTitle(next.key, lang)} →</Link> : <Link to={`/portfolio/${portfolioId}/indienen`}>{t('submitTitle')} →</Link>}
      </nav>
    </>
  );
}

function Intro({ section, guidance }: { section: string; guidance: Guidance }) {
  const intro: Record<string, string[] | undefined> = {
    education: guidance.education.intro,
    workExperience: guidance.workExperience.intro,
    cvAndMotivation: guidance.cvAndMotivation.intro,
    'case-1': guidance.cases.intro,
    'case-2': guidance.cases.intro,
    developmentPlan: guidance.developmentPlan.intro,
  };
  const paragraphs = intro[section];
  if (!paragraphs?.length) return null;
  return (
    <div className="rlp-intro">
      {paragraphs.map((p, i) => (
        <Paragraph key={i}>{p}</Paragraph>
      ))}
    </div>
  );
}

function List({ items }: { items: string[] | undefined }) {
  if (!items?.length) return null;
  return (
    <ul>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

type Item = { id: string; title: string; indicators?: string[]; description?: string; questions?: string[] };

/** The rulebook's guidance beside a field (from GET /guidance, never typed again here). */
function asideFor(section: string, pointer: string, g: Guidance, indicators: string, handreiking: string, koppeling: string): ReactNode {
  if (section !== 'case-1' && section !== 'case-2') return null;
  const task = /^\/tasks\/(\d+)$/.exec(pointer);
  if (task) {
    const guide = g.cases.tasks.find((x) => x.id === task[1]);
    if (!guide) return null;
    return (
      <>
        <p className="rlp-aside__title">{indicators}</p>
        <List items={guide.indicators} />
        <p className="rlp-aside__title">{handreiking}</p>
        {guide.handreiking.map((h, i) => (
          <p key={i}>{h}</p>
        ))}
        <p className="rlp-aside__title">{koppeling}</p>
        <List items={[...guide.koppeling.knowledgeAreas, ...guide.koppeling.competences].map((k) => k.title)} />
      </>
    );
  }
  const area = /^\/knowledgeAreaReflections$/.test(pointer) ? g.cases.knowledge : /^\/competenceReflections$/.test(pointer) ? g.cases.competences : /^\/attitudeAnswers$/.test(pointer) ? g.cases.attitude : null;
  if (area) {
    const items = ((area as { items?: Item[] }).items ?? (area as { criteria?: Item[] }).criteria ?? []) as Item[];
    return (
      <>
        {area.intro.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {items.map((it) => (
          <details key={it.id}>
            <summary>{it.title}</summary>
            {it.description ? <p>{it.description}</p> : null}
            <List items={it.indicators ?? it.questions} />
          </details>
        ))}
      </>
    );
  }
  return null;
}
