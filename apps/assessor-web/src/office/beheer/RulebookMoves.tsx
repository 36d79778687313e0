import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Heading3,
  Heading4,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { api, must } from '../../api/client';
import type { Schemas } from '../../api/types';
import { useI18n } from '../../i18n';
import { ActionError } from './common';

type Rulebook = Schemas['RulebookSummary'];
type Draft = Schemas['AdminDraftPortfolio'];
type Preview = Schemas['RulebookMovePreview'];
type Finding = Schemas['Finding'];

const PAGE = 50;
const PARTS = ['A', 'B1', 'B2', 'C', 'D', 'E'] as const;
const draftsKey = (version: string) => ['admin', 'drafts', version] as const;

/**
 * The draft portfolios on each rulebook version, and moving one to another published version for
 * the candidate: first the preview (the candidate's own: what the completeness report would say),
 * then an explicit confirmation. The move is audited with the admin as actor.
 */
export function RulebookMoves({ rulebooks }: { rulebooks: Rulebook[] }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const targets = rulebooks.filter((r) => r.status === 'published');
  return (
    <>
      <p ref={doneRef} tabIndex={-1} className="rlp-beheer-status rlp-beheer-moved" role="status">
        {done ? `✓ ${done}` : ''}
      </p>
      {rulebooks.map((r) => (
        <VersionDrafts key={r.id} rulebook={r} targets={targets.filter((x) => x.id !== r.id)} onMoved={setDone} onStart={() => setDone(null)} />
      ))}
      {rulebooks.length === 0 ? <Paragraph>{t('bh_mvNoVersions')}</Paragraph> : null}
    </>
  );
}

function VersionDrafts({ rulebook, targets, onMoved, onStart }: { rulebook: Rulebook; targets: Rulebook[]; onMoved: (message: string) => void; onStart: () => void }) {
  const { t, pick, dateTime } = useI18n();
  const [moving, setMoving] = useState<Draft | null>(null);
  const drafts = useInfiniteQuery({
    queryKey: draftsKey(rulebook.id),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => must(api.GET('/admin/portfolios', { params: { query: { rulebookVersion: rulebook.id, limit: PAGE, offset: pageParam } } })),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  });
  const rows = drafts.data?.pages.flatMap((page) => page.portfolios) ?? [];
  const total = drafts.data?.pages[0]?.total ?? 0;
  const headingId = `mv-${rulebook.id}`;
  return (
    <section aria-labelledby={headingId} className="rlp-beheer-version-drafts">
      <Heading3 id={headingId}>
        {pick(rulebook.title)} <span className="rlp-beheer-code">({rulebook.id})</span>
      </Heading3>
      {drafts.isLoading ? <Loading /> : null}
      {drafts.error ? <ErrorBox error={drafts.error} retry={() => void drafts.refetch()} /> : null}
      {drafts.data ? (
        total === 0 ? (
          <Paragraph>{t('bh_mvNoDrafts')}</Paragraph>
        ) : (
          <>
            <Paragraph>{total === 1 ? t('bh_mvOneDraft') : `${total} ${t('bh_mvDrafts')}`}</Paragraph>
            <div className="rlp-table-scroll">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('bh_mvCandidate')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_mvUpdatedAt')}</TableHeaderCell>
                    <TableHeaderCell scope="col">
                      <span className="rlp-visually-hidden">{t('bh_mvAction')}</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((d) => (
                    <TableRow key={d.id}>
                      <TableHeaderCell scope="row">{d.candidateName}</TableHeaderCell>
                      <TableCell className="rlp-nowrap">{dateTime(d.updatedAt)}</TableCell>
                      <TableCell>
                        {targets.length > 0 ? (
                          <Button
                            appearance="secondary-action-button"
                            aria-label={`${t('bh_mvMoveOf')} ${d.candidateName}`}
                            aria-expanded={moving?.id === d.id}
                            onClick={() => {
                              onStart();
                              setMoving(moving?.id === d.id ? null : d);
                            }}
                          >
                            {t('bh_mvMove')}
                          </Button>
                        ) : (
                          <span className="rlp-beheer-code">{t('bh_mvNoTarget')}</span>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {drafts.hasNextPage ? (
              <ButtonGroup>
                <Button appearance="subtle-button" disabled={drafts.isFetchingNextPage} onClick={() => void drafts.fetchNextPage()}>
                  {`${t('bh_mvMore')} (${rows.length} / ${total})`}
                </Button>
              </ButtonGroup>
            ) : null}
            {moving ? (
              <MovePanel
                key={moving.id}
                draft={moving}
                from={rulebook}
                targets={targets}
                onClose={() => setMoving(null)}
                onMoved={(to) => {
                  setMoving(null);
                  onMoved(`${t('bh_mvDone1')} ${moving.candidateName} ${t('bh_mvDone2')} ${pick(to.title)} (${to.id}).`);
                }}
              />
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}

function MovePanel({ draft, from, targets, onClose, onMoved }: { draft: Draft; from: Rulebook; targets: Rulebook[]; onClose: () => void; onMoved: (to: Rulebook) => void }) {
  const { t, pick } = useI18n();
  const client = useQueryClient();
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const target = targets.find((r) => r.id === to);
  const preview = useMutation({
    mutationFn: (version: string) => must(api.GET('/admin/portfolios/{id}/rulebook-move', { params: { path: { id: draft.id }, query: { to: version } } })),
  });
  const move = useMutation({
    mutationFn: (version: string) => must(api.POST('/admin/portfolios/{id}/rulebook-move', { params: { path: { id: draft.id } }, body: { to: version } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'drafts'] });
      if (target) onMoved(target);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(false);
    preview.mutate(to);
  };
  const shown = preview.data && preview.data.to === to ? preview.data : null;
  const titleId = `mv-panel-${draft.id}`;
  return (
    <section aria-labelledby={titleId} className="rlp-card rlp-beheer-move">
      <Heading4 id={titleId} ref={headingRef} tabIndex={-1}>
        {`${t('bh_mvPanelTitle')} ${draft.candidateName}`}
      </Heading4>
      <Paragraph>{`${t('bh_mvPanelNow')} ${pick(from.title)} (${from.id}).`}</Paragraph>
      <form className="rlp-form" onSubmit={submit}>
        <FormField>
          <FormLabel htmlFor={`mv-to-${draft.id}`}>{t('bh_mvTo')}</FormLabel>
          <Select
            id={`mv-to-${draft.id}`}
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setConfirming(false);
            }}
          >
            {targets.map((r) => (
              <SelectOption key={r.id} value={r.id}>
                {`${pick(r.title)} (${r.id})`}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance={shown ? 'secondary-action-button' : 'primary-action-button'} disabled={preview.isPending || to === ''}>
            {t('bh_mvPreview')}
          </Button>
          <Button appearance="subtle-button" onClick={onClose}>
            {t('bh_cancel')}
          </Button>
        </ButtonGroup>
      </form>
      <ActionError error={preview.error} />
      {shown ? <PreviewView preview={shown} /> : null}
      {shown && !confirming ? (
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={() => setConfirming(true)}>
            {`${t('bh_mvMoveTo')} ${shown.to}…`}
          </Button>
        </ButtonGroup>
      ) : null}
      {shown && confirming ? (
        <Alert type="warning">
          <Paragraph>{`${t('bh_mvConfirm1')} ${draft.candidateName} ${t('bh_mvConfirm2')} ${target ? pick(target.title) : shown.to} (${shown.to}). ${t('bh_mvConfirm3')}`}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" disabled={move.isPending} onClick={() => move.mutate(shown.to)}>
              {t('bh_mvConfirmButton')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
              {t('bh_cancel')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      <ActionError error={move.error} />
    </section>
  );
}

/** Before and after side by side, then the findings the move adds and the ones it resolves. */
function PreviewView({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const yesNo = (b: boolean) => (b ? `✓ ${t('bh_mvYes')}` : `✗ ${t('bh_mvNo')}`);
  return (
    <div className="rlp-beheer-preview" aria-live="polite">
      <div className="rlp-table-scroll">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('bh_mvWhat')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                {t('bh_mvBefore')} <span className="rlp-beheer-code rlp-beheer-block">{preview.from}</span>
              </TableHeaderCell>
              <TableHeaderCell scope="col">
                {t('bh_mvAfter')} <span className="rlp-beheer-code rlp-beheer-block">{preview.to}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableHeaderCell scope="row">{t('bh_mvComplete')}</TableHeaderCell>
              <TableCell>{yesNo(preview.before.complete)}</TableCell>
              <TableCell>{yesNo(preview.after.complete)}</TableCell>
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('bh_mvBlocking')}</TableHeaderCell>
              <TableCell>{preview.before.blocking}</TableCell>
              <TableCell>{preview.after.blocking}</TableCell>
            </TableRow>
            {PARTS.map((part) => {
              const b = preview.before.parts[part];
              const a = preview.after.parts[part];
              const changed = b.done !== a.done || b.total !== a.total;
              return (
                <TableRow key={part}>
                  <TableHeaderCell scope="row">{`${t('bh_mvPart')} ${part}`}</TableHeaderCell>
                  <TableCell>{`${b.done} / ${b.total}`}</TableCell>
                  <TableCell>
                    {`${a.done} / ${a.total}`}
                    {changed ? <span className="rlp-beheer-changed">{` — ${t('bh_mvChanged')}`}</span> : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <FindingList title={t('bh_mvNewFindings')} findings={preview.newFindings} sign="+" />
      <FindingList title={t('bh_mvResolvedFindings')} findings={preview.resolvedFindings} sign="−" />
    </div>
  );
}

function FindingList({ title, findings, sign }: { title: string; findings: Finding[]; sign: string }) {
  const { t, pick } = useI18n();
  return (
    <>
      <p className="rlp-beheer-findings-title">{`${title} (${findings.length})`}</p>
      {findings.length === 0 ? (
        <Paragraph>{t('bh_mvNone')}</Paragraph>
      ) : (
        <ul className="rlp-beheer-findings">
          {findings.map((f) => (
            <li key={`${f.severity}|${f.code}|${f.path}`}>
              <span className="rlp-beheer-sign" aria-hidden="true">
                {sign}
              </span>
              <span>
                <strong>{f.severity === 'blocking' ? t('bh_mvBlockingOne') : t('bh_mvWarning')}</strong>
                {` · ${t('bh_mvPart')} ${f.part} · `}
                {pick(f.message)}
                <span className="rlp-beheer-code">{` ${f.code}`}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
