import { Alert, Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, must } from '../api/client';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { useOfficeI18n } from './ui';

/** This panel's texts (issue 16), Dutch first; kept here so the shared text tables stay untouched. */
const TEXT = {
  heading: ['Digitaal certificaat', 'Digital certificate'],
  intro: [
    'Het certificaat is ook uitgegeven als verifieerbaar digitaal certificaat (Open Badges 3.0, ondertekend door het register). Iedereen kan het controleren op de controlepagina; de QR-code op het certificaat verwijst daarheen.',
    'The certificate is also issued as a verifiable digital credential (Open Badges 3.0, signed by the register). Anyone can check it on the verification page; the QR code on the certificate links there.',
  ],
  status: ['Status', 'Status'],
  valid: ['Geldig', 'Valid'],
  expired: ['Verlopen', 'Expired'],
  revoked: ['Ingetrokken', 'Revoked'],
  revokedOn: ['Ingetrokken op', 'Revoked on'],
  revokedBy: ['door', 'by'],
  reason: ['Reden', 'Reason'],
  statusIndex: ['Plaats in de statuslijst', 'Position in the status list'],
  verifyLink: ['Controlepagina van dit certificaat', 'Verification page of this certificate'],
  revokeHeading: ['Certificaat intrekken', 'Revoke the certificate'],
  revokeLabel: ['Reden van de intrekking', 'Reason for the revocation'],
  revokeHint: [
    'Komt in het auditlog, niet op de openbare controlepagina. Intrekken is definitief: het register toont het certificaat niet meer en elke controle zegt „ingetrokken”.',
    'Recorded in the audit log, not on the public verification page. Revoking is final: the register no longer lists the certificate and every check says “revoked”.',
  ],
  revokeRequired: ['Geef de reden van de intrekking (ten minste 5 tekens).', 'Give the reason for the revocation (at least 5 characters).'],
  revokeButton: ['Certificaat intrekken', 'Revoke certificate'],
  revokeConfirm: ['Dit certificaat definitief intrekken? Dit kan niet ongedaan worden gemaakt.', 'Revoke this certificate for good? This cannot be undone.'],
  revokedNow: ['Het certificaat is ingetrokken.', 'The certificate has been revoked.'],
} as const;

interface CredentialView {
  credentialId: string;
  statusListIndex: number;
  expired: boolean;
  revocation: { revokedAt: string; reason: string; revokedByName: string } | null;
}

/** The register entry's verifiable credential: its status, the public check, and revoking it (admin, audited). */
export function CredentialPanel({ portfolioId }: { portfolioId: string }) {
  const { lang, date, message } = useOfficeI18n();
  const tx = (key: keyof typeof TEXT) => TEXT[key][lang === 'nl' ? 0 : 1];
  const client = useQueryClient();
  const key = ['office', 'credential', portfolioId];
  const credential = useQuery({
    queryKey: key,
    queryFn: async () => (await must(api.GET('/admin/dossiers/{id}/credential', { params: { path: { id: portfolioId } } }))) as CredentialView,
  });
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const revoke = useMutation({
    mutationFn: async (body: { reason: string }) => (await must(api.POST('/admin/dossiers/{id}/credential/revoke', { params: { path: { id: portfolioId } }, body }))) as CredentialView,
    onSuccess: (data) => client.setQueryData(key, data),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  const tooShort = tried && reason.trim().length < 5;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (reason.trim().length < 5) return reasonRef.current?.focus();
    if (!window.confirm(tx('revokeConfirm'))) return;
    revoke.mutate({ reason: reason.trim() });
  };
  if (credential.isLoading) return <Loading />;
  if (credential.error || !credential.data) return <ErrorBox error={credential.error} retry={() => void credential.refetch()} />;
  const c = credential.data;
  const state = c.revocation ? 'revoked' : c.expired ? 'expired' : 'valid';
  return (
    <div data-testid="credential" data-state={state}>
      <Heading3>{tx('heading')}</Heading3>
      <Paragraph>{tx('intro')}</Paragraph>
      {revoke.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{tx('revokedNow')}</Paragraph>
        </Alert>
      ) : null}
      <dl className="rlp-facts">
        <dt>{tx('status')}</dt>
        <dd data-testid="credential-status">{tx(state)}</dd>
        {c.revocation ? (
          <>
            <dt>{tx('revokedOn')}</dt>
            <dd>
              {date(c.revocation.revokedAt)} {tx('revokedBy')} {c.revocation.revokedByName}
            </dd>
            <dt>{tx('reason')}</dt>
            <dd data-testid="credential-reason">{c.revocation.reason}</dd>
          </>
        ) : null}
        <dt>{tx('statusIndex')}</dt>
        <dd>{c.statusListIndex}</dd>
      </dl>
      <Paragraph>
        <a href={`/verify?id=${c.credentialId}${lang === 'en' ? '&lang=en' : ''}`} target="_blank" rel="noopener">
          {tx('verifyLink')}
        </a>
      </Paragraph>
      {c.revocation ? null : (
        <form className="rlp-form rlp-office-form" onSubmit={submit} noValidate data-testid="revoke-form">
          <Heading3>{tx('revokeHeading')}</Heading3>
          {revoke.error ? (
            revoke.error instanceof ApiError ? (
              <Alert type="error" role="alert">
                <Paragraph>{message(revoke.error.message)}</Paragraph>
              </Alert>
            ) : (
              <ErrorBox error={revoke.error} />
            )
          ) : null}
          <FormField type="text" invalid={tooShort}>
            <FormLabel htmlFor="revoke-reason">{tx('revokeLabel')}</FormLabel>
            <FormFieldDescription id="revoke-reason-hint">{tx('revokeHint')}</FormFieldDescription>
            {tooShort ? (
              <FormFieldErrorMessage id="revoke-reason-error" role="alert">
                {tx('revokeRequired')}
              </FormFieldErrorMessage>
            ) : null}
            <Textarea
              ref={reasonRef}
              id="revoke-reason"
              required
              maxLength={1000}
              invalid={tooShort}
              aria-invalid={tooShort || undefined}
              aria-describedby={tooShort ? 'revoke-reason-hint revoke-reason-error' : 'revoke-reason-hint'}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          <Button type="submit" appearance="secondary-action-button" className="rlp-danger" busy={revoke.isPending} disabled={revoke.isPending}>
            {tx('revokeButton')}
          </Button>
        </form>
      )}
    </div>
  );
}
