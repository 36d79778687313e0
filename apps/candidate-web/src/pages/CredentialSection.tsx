import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox, Loading } from '@rlp/web-ui/status';

/** This section's texts (issue 16), Dutch first; kept here so the shared text table stays untouched. */
const TEXT = {
  heading: ['Digitaal certificaat', 'Digital certificate'],
  intro: [
    'Je certificaat bestaat ook als digitaal certificaat: een bestand dat Noloc heeft ondertekend (Open Badges 3.0). Geef het aan een werkgever of opdrachtgever; die controleert het op de controlepagina, zonder in te loggen. De QR-code op je certificaat (PDF) verwijst naar dezelfde controle.',
    'Your certificate also exists as a digital certificate: a file signed by Noloc (Open Badges 3.0). Give it to an employer or client; they check it on the verification page without logging in. The QR code on your certificate (PDF) links to the same check.',
  ],
  download: ['Digitaal certificaat downloaden (JSON)', 'Download digital certificate (JSON)'],
  verify: ['Controlepagina van mijn certificaat', 'Verification page of my certificate'],
  revoked: ['Dit certificaat is ingetrokken door het certificeringsbureau op', 'This certificate was revoked by the certification office on'],
  reason: ['Reden', 'Reason'],
  expired: ['Dit certificaat is verlopen. Het bestand blijft te downloaden, maar elke controle meldt „verlopen”.', 'This certificate has expired. You can still download the file, but every check reports “expired”.'],
} as const;

interface CandidateCredential {
  credentialId: string;
  certificateNumber: string;
  expired: boolean;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** The candidate's verifiable credential: download it (JSON) and open its public check. */
export function CredentialSection({ portfolioId }: { portfolioId: string }) {
  const { lang, date } = useI18n();
  const tx = (key: keyof typeof TEXT) => TEXT[key][lang === 'nl' ? 0 : 1];
  const credential = useQuery({
    queryKey: ['credential', portfolioId],
    queryFn: async () => (await must(api.GET('/portfolios/{id}/decision/credential', { params: { path: { id: portfolioId } } }))) as CandidateCredential,
  });
  return (
    <section aria-labelledby="credential-title" className="rlp-card" data-testid="credential">
      <Heading2 id="credential-title">{tx('heading')}</Heading2>
      {credential.isLoading ? <Loading /> : null}
      {credential.error ? <ErrorBox error={credential.error} retry={() => void credential.refetch()} /> : null}
      {credential.data ? (
        <>
          {credential.data.revokedAt ? (
            <Alert type="error">
              <Paragraph>
                {tx('revoked')} {date(credential.data.revokedAt)}.
              </Paragraph>
              {credential.data.revocationReason ? (
                <Paragraph>
                  {tx('reason')}: {credential.data.revocationReason}
                </Paragraph>
              ) : null}
            </Alert>
          ) : credential.data.expired ? (
            <Alert type="warning">
              <Paragraph>{tx('expired')}</Paragraph>
            </Alert>
          ) : null}
          {/* A revoked certificate is not to be handed out: the file stays for the record, its check says "ingetrokken". */}
          {credential.data.revokedAt ? null : <Paragraph>{tx('intro')}</Paragraph>}
          <Paragraph className="rlp-actions">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${portfolioId}/decision/credential.json`} download={`certificaat-${credential.data.certificateNumber}.json`}>
              {tx('download')}
            </a>
            <a href={`/verify?id=${credential.data.credentialId}${lang === 'en' ? '&lang=en' : ''}`} target="_blank" rel="noopener">
              {tx('verify')}
            </a>
          </Paragraph>
        </>
      ) : null}
    </section>
  );
}
