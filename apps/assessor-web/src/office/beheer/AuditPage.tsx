import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { nextDay, startOfDayInAmsterdam } from '@rlp/web-ui/zoned-date';
import { api, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useI18n } from '../../i18n';
import { actionLabel, problemLabel } from './texts';
import { useAccountName, useAccounts } from './common';

type AuditEvent = Schemas['AuditEvent'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIZES = ['10', '25', '50', '100'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dossier an event is about: the portfolio itself, or one named in its data. */
function dossierOf(e: AuditEvent): string | null {
  if (e.subjectType === 'portfolio' && e.subjectId) return e.subjectId;
  const named = e.data['portfolioId'];
  return typeof named === 'string' ? named : null;
}

/** The event's data as short "key: value" lines; nested values as compact JSON. */
function dataLines(data: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}

/**
 * The audit trail: filtered by dossier, person and period (days in Europe/Amsterdam), newest
 * first, paged by cursor, and the verification of its hash chain (ADR 0009). The filters live in
 * the address, so a filtered view can be linked to (e.g. from a dossier).
 */
export function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = {
    dossier: params.get('dossier') ?? '',
    person: params.get('persoon') ?? '',
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
    size: SIZES.includes((params.get('aantal') ?? '') as (typeof SIZES)[number]) ? params.get('aantal')! : '25',
  };
  const apply = (next: typeof filters) => {
    const p = new URLSearchParams();
    if (next.dossier) p.set('dossier', next.dossier);
    if (next.person) p.set('persoon', next.person);
    if (next.from) p.set('van', next.from);
    if (next.to) p.set('tot', next.to);
    if (next.size !== '25') p.set('aantal', next.size);
    setParams(p);
  };
  return (
    <div className="rlp-beheer">
      <Heading1>{t('bh_auditTitle')}</Heading1>
      <Paragraph className="rlp-intro">{t('bh_auditIntro')}</Paragraph>
      <ChainCheck />
      <Filters key={`filters?${params.toString()}`} initial={filters} onApply={apply} />
      <Events key={`events?${params.toString()}`} filters={filters} onDossier={(dossier) => apply({ ...filters, dossier })} />
    </div>
  );
}

function ChainCheck() {
  const { t, message } = useI18n();
  const q = useQuery({ queryKey: ['admin', 'audit', 'verify'], queryFn: () => must(api.GET('/admin/audit-events/verify')), staleTime: 0 });
  const report = q.data;
  const first = report?.problems[0];
  return (
    <section aria-labelledby="chain-title" className="rlp-card">
      <Heading2 id="chain-title">{t('bh_chainTitle')}</Heading2>
      {q.isFetching ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      {report && !q.isFetching ? (
        report.ok ? (
          <Alert type="ok">
            <Paragraph>
              <strong>
                <span aria-hidden="true">✓ </span>
                {t('bh_chainIntact')}
              </strong>
              {report.events !== null ? ` ${t('chainIntactCount1')} ${report.events} ${t('chainIntactCount2')}` : ''}
            </Paragraph>
            {report.pending ? (
              <Paragraph className="rlp-hint">
                {report.pending} {t('bh_chainPending')}
              </Paragraph>
            ) : null}
            {report.head ? (
              <Paragraph>
                {t('bh_chainHead')} {report.head.chainSeq}: <code className="rlp-hash">{report.head.hash}</code>
              </Paragraph>
            ) : null}
          </Alert>
        ) : (
          <Alert type="error" role="alert">
            <Paragraph>
              <strong>
                <span aria-hidden="true">✗ </span>
                {first?.chainSeq ? `${t('bh_chainBrokenAt')} ${first.chainSeq}` : t('bh_chainBroken')}
              </strong>
            </Paragraph>
            <Paragraph>{t('bh_chainBrokenExplain')}</Paragraph>
            <ul>
              {report.problems.slice(0, 10).map((p, i) => (
                <li key={i}>
                  {p.chainSeq ? `${t('bh_event')} ${p.chainSeq}: ` : ''}
                  {problemLabel(p.problem, t)}
                </li>
              ))}
            </ul>
          </Alert>
        )
      ) : null}
      {report?.withheld ? <Paragraph className="rlp-hint">{message(report.withheld)}</Paragraph> : null}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => void q.refetch()} disabled={q.isFetching}>
          {t('bh_chainVerifyAgain')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

interface FilterValues {
  dossier: string;
  person: string;
  from: string;
  to: string;
  size: string;
}

function Filters({ initial, onApply }: { initial: FilterValues; onApply: (f: FilterValues) => void }) {
  const { t } = useI18n();
  const accounts = useAccounts();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof FilterValues, string>>>({});
  const set = (k: keyof FilterValues) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const dossier = f.dossier.trim();
    if (dossier && !UUID.test(dossier)) found.dossier = t('bh_dossierInvalid');
    if (f.from && !DAY.test(f.from)) found.from = t('bh_dateInvalid');
    if (f.to && !DAY.test(f.to)) found.to = t('bh_dateInvalid');
    if (!found.from && !found.to && f.from && f.to && f.to < f.from) found.to = t('bh_periodInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const firstField = { dossier: 'audit-dossier', from: 'audit-from', to: 'audit-to' }[Object.keys(found)[0] as 'dossier' | 'from' | 'to'];
      document.getElementById(firstField)?.focus();
      return;
    }
    onApply({ ...f, dossier });
  };
  const people = [...(accounts.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'));
  const errorOf = (k: keyof FilterValues, id: string) =>
    errors[k] ? (
      <FormFieldErrorMessage id={`${id}-error`} role="alert">
        {errors[k]}
      </FormFieldErrorMessage>
    ) : null;
  const described = (k: keyof FilterValues, id: string, hint?: string) => [hint, errors[k] ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <section aria-labelledby="filter-title">
      <Heading2 id="filter-title">{t('bh_filterTitle')}</Heading2>
      <form className="rlp-beheer-filters" onSubmit={submit} noValidate>
        <FormField type="text" invalid={Boolean(errors.dossier)} className="rlp-beheer-filters__wide">
          <FormLabel htmlFor="audit-dossier">{t('bh_filterDossier')}</FormLabel>
          <FormFieldDescription id="audit-dossier-hint">{t('bh_filterDossierHint')}</FormFieldDescription>
          {errorOf('dossier', 'audit-dossier')}
          <Textbox id="audit-dossier" value={f.dossier} onChange={set('dossier')} invalid={Boolean(errors.dossier)} aria-describedby={described('dossier', 'audit-dossier', 'audit-dossier-hint')} spellCheck={false} autoComplete="off" />
        </FormField>
        <FormField type="text">
          <FormLabel htmlFor="audit-person">{t('bh_filterPerson')}</FormLabel>
          <Select id="audit-person" value={f.person} onChange={set('person')}>
            <SelectOption value="">{t('bh_filterPersonAll')}</SelectOption>
            {people.map((a) => (
              <SelectOption key={a.id} value={a.id}>
                {`${a.displayName} (${t(`bh_role_${a.role}`)}, ${a.email})`}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField type="text" invalid={Boolean(errors.from)}>
          <FormLabel htmlFor="audit-from">{t('bh_filterFrom')}</FormLabel>
          {errorOf('from', 'audit-from')}
          <Textbox id="audit-from" type="date" value={f.from} onChange={set('from')} invalid={Boolean(errors.from)} aria-describedby={described('from', 'audit-from')} />
        </FormField>
        <FormField type="text" invalid={Boolean(errors.to)}>
          <FormLabel htmlFor="audit-to">{t('bh_filterTo')}</FormLabel>
          {errorOf('to', 'audit-to')}
          <Textbox id="audit-to" type="date" value={f.to} onChange={set('to')} invalid={Boolean(errors.to)} aria-describedby={described('to', 'audit-to')} />
        </FormField>
        <FormField type="text">
          <FormLabel htmlFor="audit-size">{t('bh_pageSize')}</FormLabel>
          <Select id="audit-size" value={f.size} onChange={set('size')}>
            {SIZES.map((s) => (
              <SelectOption key={s} value={s}>
                {s}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <ButtonGroup className="rlp-beheer-filters__actions">
          <Button type="submit" appearance="primary-action-button">
            {t('bh_filterApply')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => onApply({ dossier: '', person: '', from: '', to: '', size: f.size })}>
            {t('bh_filterClear')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Events({ filters, onDossier }: { filters: FilterValues; onDossier: (id: string) => void }) {
  const { t, dateTime, date, lang } = useI18n();
  const name = useAccountName();
  // The cursors of the pages before this one; the last is this page's `before`.
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors[cursors.length - 1];
  const from = filters.from ? startOfDayInAmsterdam(filters.from) : null;
  const to = filters.to ? startOfDayInAmsterdam(nextDay(filters.to)) : null;
  const query = {
    limit: Number(filters.size),
    ...(filters.dossier ? { portfolioId: filters.dossier } : {}),
    ...(filters.person ? { personId: filters.person } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(before ? { before } : {}),
  };
  const q = useQuery({ queryKey: ['admin', 'audit', query], queryFn: () => must(api.GET('/admin/audit-events', { params: { query } })) });
  const pageNo = cursors.length + 1;
  const described = [
    filters.dossier ? `${t('bh_dossier')} ${filters.dossier.slice(0, 8)}` : null,
    filters.person ? `${t('bh_person')} ${name(filters.person)}` : null,
    filters.from ? `${t('bh_fromDay')} ${date(filters.from)}` : null,
    filters.to ? `${t('bh_toDay')} ${date(filters.to)}` : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="events-title">
      <Heading2 id="events-title">{t('bh_eventsTitle')}</Heading2>
      <Paragraph className="rlp-hint">{described.length > 0 ? `${t('bh_filteredOn')}: ${described.join(', ')}.` : t('bh_unfiltered')}</Paragraph>
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data ? (
        <>
          <p className="rlp-beheer-status" role="status">
            {q.data.events.length === 0 ? t('bh_noEvents') : `${t('bh_page')} ${pageNo}: ${q.data.events.length} ${q.data.events.length === 1 ? t('bh_eventOne') : t('bh_eventsMany')}`}
          </p>
          {q.data.events.length > 0 ? (
            <div className="rlp-table-scroll">
              <Table className="rlp-beheer-events">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('bh_eventNo')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_when')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_who')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_what')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_dossier')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {q.data.events.map((e) => {
                    const dossier = dossierOf(e);
                    const lines = dataLines(e.data);
                    return (
                      <TableRow key={e.id}>
                        <TableHeaderCell scope="row">{e.chainSeq ?? '–'}</TableHeaderCell>
                        <TableCell>{dateTime(e.occurredAt)}</TableCell>
                        <TableCell>{name(e.actorId)}</TableCell>
                        <TableCell>
                          <span className="rlp-beheer-action">{actionLabel(e.action, lang)}</span> <code className="rlp-beheer-code">{e.action}</code>
                          {lines.length > 0 ? (
                            <details className="rlp-beheer-data">
                              <summary>
                                {t('bh_details')}
                                <span className="rlp-visually-hidden">
                                  {' '}
                                  {t('bh_ofEvent')} {e.chainSeq ?? dateTime(e.occurredAt)}
                                </span>
                              </summary>
                              <dl>
                                {lines.map(([k, v]) => (
                                  <div key={k}>
                                    <dt>{k}</dt>
                                    <dd>{v}</dd>
                                  </div>
                                ))}
                              </dl>
                            </details>
                          ) : null}
                        </TableCell>
                        <TableCell>
                          {dossier ? (
                            dossier === filters.dossier ? (
                              <code className="rlp-hash" title={dossier}>
                                {dossier.slice(0, 8)}
                              </code>
                            ) : (
                              <button type="button" className="rlp-linkish" onClick={() => onDossier(dossier)} title={dossier}>
                                <span className="rlp-visually-hidden">{t('bh_filterOnDossier')} </span>
                                <code>{dossier.slice(0, 8)}</code>
                              </button>
                            )
                          ) : (
                            '—'
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          ) : null}
          <nav className="rlp-beheer-pager" aria-label={t('bh_pagination')}>
            <Button appearance="secondary-action-button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              <span aria-hidden="true">← </span>
              {t('bh_newer')}
            </Button>
            <span>
              {t('bh_page')} {pageNo}
            </span>
            <Button appearance="secondary-action-button" disabled={!q.data.nextBefore} onClick={() => q.data.nextBefore && setCursors((c) => [...c, q.data.nextBefore!])}>
              {t('bh_older')}
              <span aria-hidden="true"> →</span>
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
