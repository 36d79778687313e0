import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { api, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useI18n } from '../../i18n';
import { ActionError, BackLink, isRegulationType, REGULATION_TYPES, StatusTag, useAccountName, type RegulationType } from './common';
import { DiffView } from './DiffView';
import { uploadOfficeFile } from './upload';

type Version = Schemas['RegulationAdminVersion'];
const BASE = '/bureau/reglementen';

const versionsKey = (type: RegulationType) => ['admin', 'regulations', type] as const;
const listVersions = (type: RegulationType) => must(api.GET('/admin/regulations/{type}/versions', { params: { path: { type } } }));


/** The regulations of the office: an overview, the versions of one type, one version. */
export function RegulationsPage() {
  return (
    <div className="rlp-beheer">
      <Routes>
        <Route index element={<Overview />} />
        <Route path=":type" element={<TypePage />} />
        <Route path=":type/:version" element={<VersionPage />} />
      </Routes>
    </div>
  );
}

function useTypeLabel(): (type: RegulationType) => string {
  const { t } = useI18n();
  return (type) => t(`bh_type_${type}`);
}

/** Status in words: concept, in force, published for a later date, superseded. */
function VersionStatus({ v }: { v: Version }) {
  const { t, date } = useI18n();
  if (v.status === 'draft') return <StatusTag kind="draft">{t('bh_statusDraft')}</StatusTag>;
  if (v.status === 'superseded') return <StatusTag kind="superseded">{t('bh_statusSuperseded')}</StatusTag>;
  if (v.current) return <StatusTag kind="current">{t('bh_statusCurrent')}</StatusTag>;
  return <StatusTag kind="published">{`${t('bh_statusPublishedFrom')} ${date(v.effectiveFrom)}`}</StatusTag>;
}

function Overview() {
  const { t, date } = useI18n();
  const label = useTypeLabel();
  const lists = useQueries({ queries: REGULATION_TYPES.map((type) => ({ queryKey: versionsKey(type), queryFn: () => listVersions(type) })) });
  return (
    <>
      <Heading1>{t('bh_regulationsTitle')}</Heading1>
      <Paragraph className="rlp-intro">{t('bh_regulationsIntro')}</Paragraph>
      <div className="rlp-beheer-cards">
        {REGULATION_TYPES.map((type, i) => {
          const q = lists[i]!;
          const current = q.data?.find((v) => v.current);
          const drafts = q.data?.filter((v) => v.status === 'draft').length ?? 0;
          return (
            <section key={type} className="rlp-card" aria-labelledby={`type-${type}`}>
              <Heading2 id={`type-${type}`}>{label(type)}</Heading2>
              {q.isLoading ? <Loading /> : null}
              {q.error ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
              {q.data ? (
                <>
                  <Paragraph>
                    {current ? `${t('bh_currentVersion')}: ${t('bh_versionWord')} ${current.version}, ${t('bh_since')} ${date(current.effectiveFrom)}` : t('bh_noCurrentVersion')}
                  </Paragraph>
                  <Paragraph>{drafts === 0 ? t('bh_noDrafts') : `${drafts} ${drafts === 1 ? t('bh_oneDraft') : t('bh_drafts')}`}</Paragraph>
                  <Paragraph>
                    <Link className="utrecht-link" to={`${BASE}/${type}`} aria-label={`${t('bh_manageVersions')}: ${label(type)}`}>
                      {t('bh_manageVersions')}
                    </Link>
                  </Paragraph>
                </>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

function TypePage() {
  const { type } = useParams();
  const { t, date } = useI18n();
  const label = useTypeLabel();
  const navigate = useNavigate();
  const client = useQueryClient();
  const valid = isRegulationType(type);
  const versions = useQuery({ queryKey: versionsKey(valid ? type : 'reglement'), queryFn: () => listVersions(type as RegulationType), enabled: valid });
  const create = useMutation({
    mutationFn: () => must(api.POST('/admin/regulations/{type}/versions', { params: { path: { type: type as RegulationType } }, body: {} })),
    onSuccess: async (v) => {
      await client.invalidateQueries({ queryKey: ['admin', 'regulations'] });
      await navigate(`${BASE}/${v.type}/${v.version}`);
    },
  });
  if (!valid) {
    return (
      <>
        <Heading1>{t('bh_regulationsTitle')}</Heading1>
        <Paragraph>{t('notFound')}</Paragraph>
      </>
    );
  }
  return (
    <>
      <BackLink to={BASE}>{t('bh_regulationsTitle')}</BackLink>
      <Heading1>{label(type)}</Heading1>
      <Paragraph className="rlp-intro">{t('bh_typeIntro')}</Paragraph>
      <Paragraph className="rlp-hint">{t('bh_newDraftHint')}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={() => create.mutate()} disabled={create.isPending}>
          {t('bh_newDraft')}
        </Button>
      </ButtonGroup>
      <ActionError error={create.error} />
      <Heading2>{t('bh_versions')}</Heading2>
      {versions.isLoading ? <Loading /> : null}
      {versions.error ? <ErrorBox error={versions.error} retry={() => void versions.refetch()} /> : null}
      {versions.data ? (
        <div className="rlp-table-scroll">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('bh_version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('bh_title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('bh_status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('bh_effectiveFrom')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('bh_officialPdf')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.data.map((v) => (
                <TableRow key={v.id}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`${BASE}/${v.type}/${v.version}`}>
                      {t('bh_version')} {v.version}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{v.title}</TableCell>
                  <TableCell>
                    <VersionStatus v={v} />
                  </TableCell>
                  <TableCell>{v.effectiveFrom ? `${date(v.effectiveFrom)}${v.status === 'draft' ? ` (${t('bh_planned')})` : ''}` : '—'}</TableCell>
                  <TableCell>{v.pdfDocumentId ? t('bh_yes') : t('bh_no')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

function VersionPage() {
  const { type, version } = useParams();
  const { t } = useI18n();
  const label = useTypeLabel();
  const n = Number(version);
  const valid = isRegulationType(type) && Number.isInteger(n) && n >= 0;
  const one = useQuery({
    queryKey: ['admin', 'regulations', type, n],
    queryFn: () => must(api.GET('/admin/regulations/{type}/versions/{version}', { params: { path: { type: type as RegulationType, version: n } } })),
    enabled: valid,
  });
  const all = useQuery({ queryKey: versionsKey(valid ? (type as RegulationType) : 'reglement'), queryFn: () => listVersions(type as RegulationType), enabled: valid });
  if (!valid) {
    return (
      <>
        <Heading1>{t('bh_regulationsTitle')}</Heading1>
        <Paragraph>{t('notFound')}</Paragraph>
      </>
    );
  }
  const v = one.data;
  // What it is compared with: for a draft the latest published version (what it would follow),
  // for a published one the published version before it.
  const published = (all.data ?? []).filter((x) => x.status !== 'draft');
  const base = v ? (v.status === 'draft' ? published[0] : published.find((x) => x.version < v.version)) : undefined;
  return (
    <>
      <BackLink to={`${BASE}/${type}`}>{label(type)}</BackLink>
      <Heading1>
        {label(type)} — {t('bh_versionWord')} {n}
      </Heading1>
      {one.isLoading ? <Loading /> : null}
      {one.error ? <ErrorBox error={one.error} retry={() => void one.refetch()} /> : null}
      {v ? (
        <>
          <Paragraph>
            {t('bh_status')}: <VersionStatus v={v} />
          </Paragraph>
          {v.status === 'draft' ? <DraftEditor key={v.id} v={v} base={base} /> : <PublishedVersion v={v} base={base} />}
        </>
      ) : null}
    </>
  );
}

/** The official PDF of a version: its file, and for a draft the upload that attaches or replaces it. */
function OfficialPdf({ v }: { v: Version }) {
  const { t, bytes } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [input, setInput] = useState(0);
  const doc = useQuery({
    queryKey: ['admin', 'document', v.pdfDocumentId],
    queryFn: () => must(api.GET('/admin/documents/{id}', { params: { path: { id: v.pdfDocumentId! } } })),
    // A published version's PDF may have been uploaded by another admin: then only the link is known.
    enabled: v.pdfDocumentId !== null,
    retry: false,
  });
  const setPdf = async (pdfDocumentId: string | null) => {
    const updated = await must(api.PATCH('/admin/regulations/{type}/versions/{version}', { params: { path: { type: v.type, version: v.version } }, body: { pdfDocumentId } }));
    client.setQueryData(['admin', 'regulations', v.type, v.version], updated);
    await client.invalidateQueries({ queryKey: ['admin', 'regulations', v.type], exact: true });
  };
  const attach = async (file: File) => {
    setError(null);
    setBusy(t('bh_pdfUploading'));
    try {
      const uploaded = await uploadOfficeFile(file);
      setBusy(t('bh_pdfAttaching'));
      await setPdf(uploaded.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      setInput((x) => x + 1);
    }
  };
  const detach = async () => {
    setError(null);
    try {
      await setPdf(null);
    } catch (err) {
      setError(err);
    }
  };
  const download = async () => {
    setError(null);
    try {
      const link = await must(api.GET('/regulations/{type}/versions/{version}/pdf', { params: { path: { type: v.type, version: v.version } } }));
      window.location.assign(link.url);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="pdf-title">
      <Heading2 id="pdf-title">{t('bh_officialPdf')}</Heading2>
      {v.pdfDocumentId === null ? <Paragraph>{t('bh_noPdf')}</Paragraph> : null}
      {v.pdfDocumentId !== null ? (
        <Paragraph>
          <StatusTag kind="published">{t('bh_pdfAttached')}</StatusTag>{' '}
          {doc.data ? `${doc.data.filename} (${bytes(doc.data.sizeBytes)})` : null}
        </Paragraph>
      ) : null}
      {v.status === 'draft' ? (
        <>
          <FormField type="text">
            <FormLabel htmlFor="pdf-file">{v.pdfDocumentId ? t('bh_pdfReplace') : t('bh_pdfChoose')}</FormLabel>
            <FormFieldDescription id="pdf-hint">{t('bh_pdfHint')}</FormFieldDescription>
            <input
              key={input}
              id="pdf-file"
              className="rlp-beheer-file"
              type="file"
              accept="application/pdf"
              aria-describedby="pdf-hint"
              disabled={busy !== null}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void attach(file);
              }}
            />
          </FormField>
          {busy ? (
            <p className="rlp-loading" role="status">
              {busy}
            </p>
          ) : null}
          {v.pdfDocumentId ? (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => void detach()}>
                {t('bh_pdfDetach')}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      ) : v.pdfDocumentId ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => void download()}>
            {t('bh_pdfDownload')}
          </Button>
        </ButtonGroup>
      ) : null}
      <ActionError error={error} />
    </section>
  );
}

function DraftEditor({ v, base }: { v: Version; base: Version | undefined }) {
  const { t, date } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState(v.title);
  const [summary, setSummary] = useState(v.changeSummary ?? '');
  const [body, setBody] = useState(v.body);
  const [effectiveFrom, setEffectiveFrom] = useState(v.effectiveFrom ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const dirty = title !== v.title || summary !== (v.changeSummary ?? '') || body !== v.body;
  useEffect(() => setSaved(null), [title, summary, body]);

  const refresh = async (updated: Version) => {
    client.setQueryData(['admin', 'regulations', v.type, v.version], updated);
    await client.invalidateQueries({ queryKey: ['admin', 'regulations', v.type], exact: true });
  };
  const save = useMutation({
    mutationFn: () =>
      must(api.PATCH('/admin/regulations/{type}/versions/{version}', { params: { path: { type: v.type, version: v.version } }, body: { title, body, changeSummary: summary.trim() === '' ? null : summary } })),
    onSuccess: async (updated) => {
      await refresh(updated);
      setSaved(t('bh_draftSaved'));
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await refresh(await save.mutateAsync());
      return must(api.POST('/admin/regulations/{type}/versions/{version}/publish', { params: { path: { type: v.type, version: v.version } }, body: { effectiveFrom } }));
    },
    onSuccess: async (updated) => {
      setConfirming(false);
      await refresh(updated);
    },
    onError: () => setConfirming(false),
  });
  const remove = useMutation({
    mutationFn: () => must(api.DELETE('/admin/regulations/{type}/versions/{version}', { params: { path: { type: v.type, version: v.version } } })),
    onSuccess: async () => {
      client.removeQueries({ queryKey: ['admin', 'regulations', v.type, v.version] });
      await client.invalidateQueries({ queryKey: ['admin', 'regulations', v.type], exact: true });
      await navigate(`${BASE}/${v.type}`);
    },
  });
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const onPublish = (e: FormEvent) => {
    e.preventDefault();
    publish.reset();
    setConfirming(true);
  };
  return (
    <>
      <section aria-labelledby="edit-title">
        <Heading2 id="edit-title">{t('bh_editDraft')}</Heading2>
        <form className="rlp-form" onSubmit={onSave} noValidate>
          <FormField type="text">
            <FormLabel htmlFor="reg-title">{t('bh_title')}</FormLabel>
            <Textbox id="reg-title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          </FormField>
          <FormField type="text">
            <FormLabel htmlFor="reg-summary">{t('bh_changeSummary')}</FormLabel>
            <FormFieldDescription id="reg-summary-hint">{t('bh_changeSummaryHint')}</FormFieldDescription>
            <Textarea id="reg-summary" aria-describedby="reg-summary-hint" rows={3} value={summary} maxLength={5000} onChange={(e) => setSummary(e.target.value)} />
          </FormField>
          <FormField type="text">
            <FormLabel htmlFor="reg-body">{t('bh_text')}</FormLabel>
            <FormFieldDescription id="reg-body-hint">{t('bh_textHint')}</FormFieldDescription>
            <Textarea id="reg-body" className="rlp-beheer-body" aria-describedby="reg-body-hint" rows={16} value={body} onChange={(e) => setBody(e.target.value)} />
          </FormField>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
              {t('bh_saveDraft')}
            </Button>
            <Button
              appearance="secondary-action-button"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('bh_deleteDraftConfirm'))) remove.mutate();
              }}
            >
              {t('bh_deleteDraft')}
            </Button>
          </ButtonGroup>
          <p className="rlp-beheer-status" role="status">
            {save.isPending ? t('bh_saving') : (saved ?? (dirty ? t('bh_unsaved') : ''))}
          </p>
          <ActionError error={save.error ?? remove.error} />
        </form>
      </section>

      <section aria-labelledby="diff-title">
        <Heading2 id="diff-title">{base ? `${t('bh_diffTitle')} ${base.version}` : t('bh_diffTitleNone')}</Heading2>
        {base ? (
          <>
            <Paragraph className="rlp-hint">{t('bh_diffIntro')}</Paragraph>
            <DiffView id="draft-diff" before={base.body} after={body} />
          </>
        ) : (
          <Paragraph>{t('bh_diffNoBase')}</Paragraph>
        )}
      </section>

      <OfficialPdf v={v} />

      <section aria-labelledby="publish-title">
        <Heading2 id="publish-title">{t('bh_publish')}</Heading2>
        <Paragraph className="rlp-hint">{t('bh_publishIntro')}</Paragraph>
        <form className="rlp-form" onSubmit={onPublish} noValidate>
          <FormField type="text">
            <FormLabel htmlFor="reg-effective">{t('bh_effectiveFrom')}</FormLabel>
            <FormFieldDescription id="reg-effective-hint">{t('bh_effectiveHint')}</FormFieldDescription>
            <Textbox
              id="reg-effective"
              type="date"
              aria-describedby="reg-effective-hint"
              value={effectiveFrom}
              required
              onChange={(e) => {
                setEffectiveFrom(e.target.value);
                setConfirming(false);
              }}
            />
          </FormField>
          {!confirming ? (
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" disabled={effectiveFrom === ''}>
                {t('bh_publishStart')}
              </Button>
            </ButtonGroup>
          ) : null}
        </form>
        {confirming ? (
          <Alert type="warning">
            <Paragraph>
              {t('publishConfirm1')} {t('bh_version')} {v.version} {t('publishConfirm2')} {date(effectiveFrom)}. {t('publishConfirm3')}
              {dirty ? ` ${t('bh_publishSavesFirst')}` : ''}
            </Paragraph>
            <ButtonGroup>
              <Button appearance="primary-action-button" disabled={publish.isPending} onClick={() => publish.mutate()}>
                {t('bh_publishConfirmButton')} {v.version}
              </Button>
              <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
                {t('bh_cancel')}
              </Button>
            </ButtonGroup>
          </Alert>
        ) : null}
        <ActionError error={publish.error} />
      </section>
    </>
  );
}

function PublishedVersion({ v, base }: { v: Version; base: Version | undefined }) {
  const { t, date, dateTime } = useI18n();
  const name = useAccountName();
  return (
    <>
      {v.status === 'published' && !v.current ? (
        <Alert type="info">
          <Paragraph>{`${t('bh_publishedNotYet')} ${date(v.effectiveFrom)}.`}</Paragraph>
        </Alert>
      ) : null}
      <dl className="rlp-facts">
        <dt>{t('bh_title')}</dt>
        <dd>{v.title}</dd>
        <dt>{t('bh_effectiveFrom')}</dt>
        <dd>{date(v.effectiveFrom)}</dd>
        <dt>{t('bh_publishedAt')}</dt>
        <dd>
          {dateTime(v.publishedAt)}
          {v.publishedBy ? ` — ${name(v.publishedBy)}` : ''}
        </dd>
        <dt>{t('bh_changeSummary')}</dt>
        <dd>{v.changeSummary ?? '—'}</dd>
      </dl>
      {base ? (
        <section aria-labelledby="diff-title">
          <Heading2 id="diff-title">{`${t('bh_diffTitle')} ${base.version}`}</Heading2>
          <DiffView id="published-diff" before={base.body} after={v.body} />
        </section>
      ) : null}
      <OfficialPdf v={v} />
      <Acceptances v={v} />
      <section aria-labelledby="text-title">
        <Heading2 id="text-title">{t('bh_text')}</Heading2>
        <div className="rlp-beheer-text">{v.body}</div>
      </section>
    </>
  );
}

/** Rows per page of the acceptances and the drafts that must renew (ADR 0027). */
const ACCEPTANCE_PAGE = 50;

function Acceptances({ v }: { v: Version }) {
  const { t, dateTime } = useI18n();
  const path = { type: v.type, version: v.version };
  const accepted = useInfiniteQuery({
    queryKey: ['admin', 'acceptances', v.type, v.version],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      must(api.GET('/admin/regulations/{type}/versions/{version}/acceptances', { params: { path, query: { limit: ACCEPTANCE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const renewals = useInfiniteQuery({
    queryKey: ['admin', 'renewals', v.type, v.version],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      must(api.GET('/admin/regulations/{type}/versions/{version}/renewals', { params: { path, query: { limit: ACCEPTANCE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const currentVersion = renewals.data?.pages[0]?.currentVersion;
  const auditLink = (portfolioId: string) => (
    <Link className="utrecht-link" to={`/bureau/audit?dossier=${portfolioId}`}>
      <span className="rlp-visually-hidden">{t('bh_dossier')} </span>
      <code className="rlp-hash">{portfolioId.slice(0, 8)}</code>
    </Link>
  );
  const person = (p: { displayName: string; email: string; portfolioId: string }) => [p.displayName, p.email, auditLink(p.portfolioId)];
  return (
    <>
      <PagedPeople
        id="acc"
        title={t('bh_acceptedBy')}
        list={accepted}
        rows={accepted.data?.pages.flatMap((page) => page.acceptedBy) ?? []}
        rowKey={(a) => `${a.userId}-${a.portfolioId}-${a.acceptedAt}`}
        columns={[t('bh_candidate'), t('email'), t('bh_dossier'), t('bh_acceptedAt')]}
        cells={(a) => [...person(a), dateTime(a.acceptedAt)]}
        empty={t('bh_noAcceptances')}
      />
      <PagedPeople
        id="renew"
        title={t('bh_mustRenew')}
        list={renewals}
        rows={renewals.data?.pages.flatMap((page) => page.draftsNeedingRenewal) ?? []}
        rowKey={(d) => d.portfolioId}
        columns={[t('bh_candidate'), t('email'), t('bh_dossier'), t('bh_acceptedVersion')]}
        cells={(d) => [...person(d), d.acceptedVersion]}
        empty={v.current || v.status === 'draft' ? t('bh_mustRenewNoneCurrent') : t('bh_mustRenewNone')}
        intro={`${t('bh_mustRenewIntro')} ${currentVersion}.`}
      />
    </>
  );
}

interface PagedList {
  isLoading: boolean;
  error: unknown;
  data?: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A section with a paged table of people (the first column heads each row) and "Meer tonen" while there is more. */
function PagedPeople<Row>(props: { id: string; title: string; list: PagedList; rows: Row[]; rowKey: (row: Row) => string; columns: string[]; cells: (row: Row) => ReactNode[]; empty: string; intro?: string }) {
  const { t } = useI18n();
  const { id, title, list, rows } = props;
  return (
    <section aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      {list.isLoading ? <Loading /> : null}
      {list.error ? <ErrorBox error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data ? (
        rows.length === 0 ? (
          <Paragraph>{props.empty}</Paragraph>
        ) : (
          <>
            {props.intro ? <Paragraph>{props.intro}</Paragraph> : null}
            <div className="rlp-table-scroll">
              <Table>
                <TableHeader>
                  <TableRow>
                    {props.columns.map((c) => (
                      <TableHeaderCell key={c} scope="col">
                        {c}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => {
                    const [head, ...rest] = props.cells(row);
                    return (
                      <TableRow key={props.rowKey(row)}>
                        <TableHeaderCell scope="row">{head}</TableHeaderCell>
                        {rest.map((cell, i) => (
                          <TableCell key={i}>{cell}</TableCell>
                        ))}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
            {list.hasNextPage ? (
              <ButtonGroup>
                <Button appearance="secondary-action-button" busy={list.isFetchingNextPage} disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid={`${id}-more`}>
                  {`${t('bh_mvMore')} (${rows.length} ${t('bh_shownSoFar')})`}
                </Button>
              </ButtonGroup>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
