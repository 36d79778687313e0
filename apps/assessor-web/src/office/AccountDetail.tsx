import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError, api, must } from '../api/client';
import type { Schemas } from '../api/types';
import { useAccounts, type Account } from './model';
import { InvitationStatus, officePost, type OfficeAccount } from './AccountsPage';
import { useOfficeI18n } from './ui';

function ApiErrorAlert({ error }: { error: unknown }) {
  const { message } = useOfficeI18n();
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorBox error={error} />;
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message(error.message)}</Paragraph>
    </Alert>
  );
}

/**
 * One account of the pool (/bureau/accounts/:id): its name and organisation, the relations it
 * declared (both feed the conflict-of-interest check), and deactivating it.
 */
export function AccountDetail() {
  const { id = '' } = useParams();
  const { t, tk, date } = useOfficeI18n();
  const accounts = useAccounts();
  if (accounts.isLoading) return <Loading />;
  if (accounts.error) return <ErrorBox error={accounts.error} retry={() => void accounts.refetch()} />;
  const account = (accounts.data as OfficeAccount[] | undefined)?.find((a) => a.id === id);
  if (!account) {
    return (
      <>
        <Paragraph className="rlp-breadcrumb">
          <Link to="/bureau/accounts">{t('ofBackAccounts')}</Link>
        </Paragraph>
        <Heading1>{t('ofAccountNotFound')}</Heading1>
      </>
    );
  }
  return (
    <>
      <Paragraph className="rlp-breadcrumb">
        <Link to="/bureau/accounts">{t('ofBackAccounts')}</Link>
      </Paragraph>
      <Heading1>{account.displayName}</Heading1>
      <dl className="rlp-facts">
        <dt>{t('ofEmail')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('ofRole')}</dt>
        <dd>{tk(`ofRole_${account.role}`, account.role)}</dd>
        <dt>{t('ofAccountStatus')}</dt>
        <dd data-testid="account-status">{account.active ? t('ofAccountActive') : <span className="rlp-refused">{t('ofAccountInactive')}</span>}</dd>
        <dt>{t('ofCreatedOn')}</dt>
        <dd>{date(account.createdAt)}</dd>
        {account.invitation ? (
          <>
            <dt>{t('ofInvitation')}</dt>
            <dd>
              <InvitationStatus account={account} />
            </dd>
          </>
        ) : null}
        <dt>{t('ofTwoFactor')}</dt>
        <dd data-testid="two-factor-status">{account.twoFactorEnabled ? t('ofTwoFactorOn') : account.role === 'candidate' ? t('ofTwoFactorOffCandidate') : t('ofTwoFactorOff')}</dd>
      </dl>
      <Profile key={account.id} account={account} />
      <Invitation account={account} />
      <ResetTwoFactor account={account} />
      <Relations account={account} />
      <Deactivate account={account} />
    </>
  );
}

function Profile({ account }: { account: Account }) {
  const { t } = useOfficeI18n();
  const client = useQueryClient();
  const [name, setName] = useState(account.displayName);
  const [organisation, setOrganisation] = useState(account.organisation ?? '');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: (body: { displayName: string; organisation: string | null }) =>
      must(api.PATCH('/admin/accounts/{id}', { params: { path: { id: account.id } }, body: body as unknown as Schemas['UpdateProfileDto'] })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  const nameMissing = tried && name.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim() === '') return;
    save.mutate({ displayName: name.trim(), organisation: organisation.trim() || null });
  };
  return (
    <section aria-labelledby="profile-title" className="rlp-card">
      <Heading2 id="profile-title">{t('ofProfile')}</Heading2>
      <ApiErrorAlert error={save.error} />
      {save.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('ofSaved')}</Paragraph>
        </Alert>
      ) : null}
      <form className="rlp-form rlp-office-form" onSubmit={submit} noValidate>
        <FormField type="text" invalid={nameMissing}>
          <FormLabel htmlFor="profile-name">{t('ofName')}</FormLabel>
          {nameMissing ? <FormFieldErrorMessage id="profile-name-error">{t('ofNameRequired')}</FormFieldErrorMessage> : null}
          <Textbox id="profile-name" required invalid={nameMissing} aria-invalid={nameMissing || undefined} aria-describedby={nameMissing ? 'profile-name-error' : undefined} value={name} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField type="text">
          <FormLabel htmlFor="profile-organisation">{t('ofOrganisation')}</FormLabel>
          <FormFieldDescription id="profile-organisation-hint">{t('ofOrganisationHint')}</FormFieldDescription>
          <Textbox id="profile-organisation" aria-describedby="profile-organisation-hint" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </FormField>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
          {t('ofSave')}
        </Button>
      </form>
    </section>
  );
}

function Relations({ account }: { account: Account }) {
  const { t } = useOfficeI18n();
  const client = useQueryClient();
  const key = ['office', 'relations', account.id];
  const relations = useQuery({
    queryKey: key,
    queryFn: async () => (await must(api.GET('/admin/accounts/{id}/relations', { params: { path: { id: account.id } } }))) as Schemas['DeclaredRelation'][],
  });
  const [form, setForm] = useState({ relatedName: '', relatedOrganisation: '', description: '' });
  const [tried, setTried] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: (body: Schemas['DeclareRelationDto']) => must(api.POST('/admin/accounts/{id}/relations', { params: { path: { id: account.id } }, body })),
    onSuccess: () => {
      setForm({ relatedName: '', relatedOrganisation: '', description: '' });
      setTried(false);
    },
    onSettled: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  const remove = useMutation({
    mutationFn: (relationId: string) => must(api.DELETE('/admin/accounts/{id}/relations/{relationId}', { params: { path: { id: account.id, relationId } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  const nameMissing = tried && form.relatedName.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (form.relatedName.trim() === '') return nameRef.current?.focus();
    const org = form.relatedOrganisation.trim();
    const description = form.description.trim();
    add.mutate({ relatedName: form.relatedName.trim(), ...(org ? { relatedOrganisation: org } : {}), ...(description ? { description } : {}) });
  };
  return (
    <section aria-labelledby="relations-title" className="rlp-card">
      <Heading2 id="relations-title">{t('ofRelations')}</Heading2>
      <Paragraph>{t('ofRelationsIntro')}</Paragraph>
      <ApiErrorAlert error={add.error ?? remove.error} />
      {relations.isLoading ? <Loading /> : null}
      {relations.error ? <ErrorBox error={relations.error} retry={() => void relations.refetch()} /> : null}
      {relations.data && relations.data.length === 0 ? <Paragraph>{t('ofNoRelations')}</Paragraph> : null}
      {relations.data && relations.data.length > 0 ? (
        <ul className="rlp-slots" data-testid="relations">
          {relations.data.map((r) => (
            <li key={r.id}>
              <span id={`relation-${r.id}`}>
                <strong>{r.relatedName}</strong>
                {r.relatedOrganisation ? ` (${r.relatedOrganisation})` : ''}
                {r.description ? ` — ${r.description}` : ''}
              </span>
              <Button
                appearance="subtle-button"
                aria-describedby={`relation-${r.id}`}
                disabled={remove.isPending}
                onClick={() => window.confirm(t('ofRemoveRelationConfirm')) && remove.mutate(r.id)}
              >
                {t('ofRemove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="rlp-form rlp-office-form" onSubmit={submit} noValidate>
        <div className="rlp-two-columns">
          <FormField type="text" invalid={nameMissing}>
            <FormLabel htmlFor="relation-name">{t('ofRelatedName')}</FormLabel>
            {nameMissing ? <FormFieldErrorMessage id="relation-name-error">{t('ofRelatedNameRequired')}</FormFieldErrorMessage> : null}
            <Textbox ref={nameRef} id="relation-name" invalid={nameMissing} aria-invalid={nameMissing || undefined} aria-describedby={nameMissing ? 'relation-name-error' : undefined} value={form.relatedName} onChange={(e) => setForm({ ...form, relatedName: e.target.value })} />
          </FormField>
          <FormField type="text">
            <FormLabel htmlFor="relation-organisation">{t('ofRelatedOrganisation')}</FormLabel>
            <Textbox id="relation-organisation" value={form.relatedOrganisation} onChange={(e) => setForm({ ...form, relatedOrganisation: e.target.value })} />
          </FormField>
        </div>
        <FormField type="text">
          <FormLabel htmlFor="relation-description">{t('ofDescription')}</FormLabel>
          <FormFieldDescription id="relation-description-hint">{t('ofDescriptionHint')}</FormFieldDescription>
          <Textbox id="relation-description" aria-describedby="relation-description-hint" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </FormField>
        <Button type="submit" appearance="secondary-action-button" busy={add.isPending} disabled={add.isPending}>
          {t('ofAddRelation')}
        </Button>
      </form>
    </section>
  );
}

function Deactivate({ account }: { account: Account }) {
  const { t } = useOfficeI18n();
  const { account: me } = useSession();
  const client = useQueryClient();
  const deactivate = useMutation({
    mutationFn: () => must(api.POST('/admin/accounts/{id}/deactivate', { params: { path: { id: account.id } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  return (
    <section aria-labelledby="deactivate-title" className="rlp-card">
      <Heading2 id="deactivate-title">{t('ofDeactivateTitle')}</Heading2>
      <ApiErrorAlert error={deactivate.error} />
      {!account.active ? (
        <Alert type="info" role="status" data-testid="deactivated">
          <Paragraph>{t('ofDeactivated')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('ofDeactivateIntro')}</Paragraph>
          <Button
            appearance="secondary-action-button"
            className="rlp-danger"
            disabled={deactivate.isPending || account.id === me?.id}
            onClick={() => window.confirm(t('ofDeactivateConfirm')) && deactivate.mutate()}
          >
            {t('ofDeactivate')}
          </Button>
        </>
      )}
    </section>
  );
}

/** Send the invitation again (a new link; the old one dies), while the person has not set a password. */
function Invitation({ account }: { account: OfficeAccount }) {
  const { t, dateTime } = useOfficeI18n();
  const client = useQueryClient();
  const resend = useMutation({
    mutationFn: () => officePost<OfficeAccount>(`/admin/accounts/${account.id}/invitation`),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office', 'accounts'] }),
  });
  const status = account.invitation?.status;
  if (!account.active || (status !== 'pending' && status !== 'expired')) return null;
  return (
    <section aria-labelledby="invitation-title" className="rlp-card">
      <Heading2 id="invitation-title">{t('ofResendInvitation')}</Heading2>
      <Paragraph>{t('ofResendIntro')}</Paragraph>
      <ApiErrorAlert error={resend.error} />
      {resend.data ? (
        <Alert type="ok" role="status" data-testid="invitation-resent">
          <Paragraph>
            {t('ofInvitationResent')} {dateTime(resend.data.invitation?.expiresAt)}.
          </Paragraph>
        </Alert>
      ) : null}
      <Button appearance="secondary-action-button" busy={resend.isPending} disabled={resend.isPending} onClick={() => resend.mutate()}>
        {t('ofResendInvitation')}
      </Button>
    </section>
  );
}

/** The office resets two-factor authentication (a lost phone): audited, every session of the person ends. */
function ResetTwoFactor({ account }: { account: OfficeAccount }) {
  const { t } = useOfficeI18n();
  const client = useQueryClient();
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: () => officePost<OfficeAccount>(`/admin/accounts/${account.id}/two-factor/reset`),
    onSuccess: () => setDone(true),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office', 'accounts'] }),
  });
  if (!account.twoFactorEnabled && !done) return null;
  return (
    <section aria-labelledby="reset-2fa-title" className="rlp-card">
      <Heading2 id="reset-2fa-title">{t('ofResetTwoFactor')}</Heading2>
      <ApiErrorAlert error={reset.error} />
      {done ? (
        <Alert type="ok" role="status" data-testid="two-factor-reset">
          <Paragraph>{t('ofTwoFactorResetDone')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('ofResetTwoFactorIntro')}</Paragraph>
          <Button appearance="secondary-action-button" className="rlp-danger" disabled={reset.isPending} onClick={() => window.confirm(t('ofResetTwoFactorConfirm')) && reset.mutate()}>
            {t('ofResetTwoFactor')}
          </Button>
        </>
      )}
    </section>
  );
}
