import { Alert, Button, Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, must } from '../api/client';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ASSIGNABLE, useEligible, type AssignmentView, type DossierDetailView, type EligibleAssessor } from './model';
import { ScoringProgressText, useOfficeI18n } from './ui';

/** Every assignment of the dossier, declined ones too, with independence and scoring progress. */
export function AssignmentsTable({ assignments }: { assignments: AssignmentView[] }) {
  const { t, date } = useOfficeI18n();
  return (
    <div className="rlp-table-scroll">
      <Table className="rlp-office-table" data-testid="assignments">
        <caption className="rlp-visually-hidden">{t('ofAssignments')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('ofAssessor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ofStatus')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ofAssignedOn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ofIndependence')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ofProgress')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {assignments.map((a) => (
            <TableRow key={a.id} data-testid="assignment-row">
              <TableCell className="rlp-nowrap">
                <strong>{a.assessorName}</strong>
              </TableCell>
              <TableCell>
                {a.status === 'active' ? (
                  t('ofActive')
                ) : (
                  <>
                    <span className="rlp-refused">{t('ofDeclined')}</span> <span className="rlp-block">{date(a.declinedAt)}</span>
                    {a.declineReason ? (
                      <span className="rlp-block">
                        {t('ofReason')}: “{a.declineReason}”
                      </span>
                    ) : null}
                  </>
                )}
              </TableCell>
              <TableCell className="rlp-nowrap">{date(a.assignedAt)}</TableCell>
              <TableCell>{a.independenceDeclaredAt ? `${t('ofIndependenceDeclared')} ${date(a.independenceDeclaredAt)}` : a.status === 'active' ? t('ofIndependencePending') : '—'}</TableCell>
              <TableCell>{a.status === 'active' ? <ScoringProgressText scoring={a.scoring} /> : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Why someone cannot be chosen, in words; null when they can. */
function useRefusal() {
  const { t, tk } = useOfficeI18n();
  return (e: EligibleAssessor): string | null => {
    if (e.assigned) return t('ofAlreadyAssigned');
    if (e.declined) return t('ofHasDeclined');
    if (e.conflicts.length > 0) return `${t('ofConflictPrefix')}: ${e.conflicts.map((c) => tk(`ofConflict_${c}`)).join('; ')}`;
    return null;
  };
}

/**
 * The assessors and admins who could assess the dossier, with the conflicts of interest they would
 * have shown and refused (the button is disabled and says why); two per dossier.
 */
export function AssignPanel({ dossier }: { dossier: DossierDetailView }) {
  const { t, tk, message } = useOfficeI18n();
  const client = useQueryClient();
  const refusal = useRefusal();
  const id = dossier.portfolioId;
  const open = ASSIGNABLE.includes(dossier.status);
  const activeCount = dossier.assignments.filter((a) => a.status === 'active').length;
  const eligible = useEligible(id, open);
  const assign = useMutation({
    mutationFn: (assessorId: string) => must(api.POST('/admin/dossiers/{id}/assignments', { params: { path: { id } }, body: { assessorId } })),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['office'] });
    },
  });
  if (!open) return null;
  const error = assign.error instanceof ApiError ? assign.error : null;
  const errorReasons = (error?.problem.details as { reasons?: string[] } | undefined)?.reasons ?? [];
  return (
    <section aria-labelledby="assign-title" className="rlp-card">
      <Heading2 id="assign-title">{t('ofAssignTitle')}</Heading2>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>
            {message(error.message)}
            {errorReasons.length > 0 ? `: ${errorReasons.map((r) => tk(`ofConflict_${r}`)).join('; ')}` : ''}
          </Paragraph>
        </Alert>
      ) : assign.isError ? (
        <ErrorBox error={assign.error} />
      ) : null}
      {assign.isSuccess && !assign.isPending ? (
        <Alert type="ok" role="status">
          <Paragraph>
            {eligible.data?.find((e) => e.id === assign.variables)?.displayName} {t('ofAssigned')}
          </Paragraph>
        </Alert>
      ) : null}
      {activeCount >= 2 ? (
        <Paragraph data-testid="assign-done">{t('ofAssignDone')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('ofAssignIntro')}</Paragraph>
          {eligible.isLoading ? <Loading /> : null}
          {eligible.error ? <ErrorBox error={eligible.error} retry={() => void eligible.refetch()} /> : null}
          {eligible.data ? (
            <div className="rlp-table-scroll">
              <Table className="rlp-office-table" data-testid="eligible">
                <caption className="rlp-visually-hidden">{t('ofEligibleTable')}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('ofName')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('ofOrganisation')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('ofRole')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('ofAvailability')}</TableHeaderCell>
                    <TableHeaderCell scope="col">
                      <span className="rlp-visually-hidden">{t('ofAssign')}</span>
                    </TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {eligible.data.map((e) => {
                    const refused = refusal(e);
                    const reasonId = `availability-${e.id}`;
                    return (
                      <TableRow key={e.id} data-testid="eligible-row">
                        <TableCell>
                          <strong id={`name-${e.id}`}>{e.displayName}</strong>
                        </TableCell>
                        <TableCell>{e.organisation ?? <span className="rlp-hint">{t('ofNoOrganisation')}</span>}</TableCell>
                        <TableCell>{tk(`ofRole_${e.role}`, e.role)}</TableCell>
                        <TableCell>
                          <span id={reasonId} className={refused && e.conflicts.length > 0 ? 'rlp-refused' : undefined}>
                            {refused ?? t('ofAvailable')}
                          </span>
                        </TableCell>
                        <TableCell className="rlp-row-actions">
                          <Button
                            appearance="secondary-action-button"
                            aria-describedby={`name-${e.id} ${reasonId}`}
                            disabled={refused !== null || assign.isPending}
                            onClick={() => assign.mutate(e.id)}
                          >
                            {t('ofAssign')}
                            <span className="rlp-visually-hidden"> {e.displayName}</span>
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
