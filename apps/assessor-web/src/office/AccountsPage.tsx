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
  RadioButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
  Fieldset,
  FieldsetLegend,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError, problemOf, raw } from '../api/client';
import { useAccounts, type Account } from './model';
import { useOfficeI18n } from './ui';

const ROLES = ['assessor', 'admin', 'candidate'] as const;
type Role = (typeof ROLES)[number];
const isRole = (s: string | null): s is Role => s !== null && (ROLES as readonly string[]).includes(s);

/** What the office sees of an account (GET /admin/accounts, ADR 0021): its invitation and two-factor state. */
export type OfficeAccount = Account & {
  invitation?: { status: 'pending' | 'expired' | 'accepted' | 'not_invited'; sentAt: string | null; expiresAt: string | null };
  twoFactorEnabled?: boolean;
};

/** A POST of the office's account routes (plain fetch, same CSRF and error rules as the typed client). */
export async function officePost<T>(path: string, body?: unknown): Promise<T> {
  const res = await raw(path, { method: 'POST', ...(body !== undefined ? { json: body } : {}) });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

/** "Verstuurd, nog niet gebruikt (geldig tot …)" */
export function InvitationStatus({ account }: { account: OfficeAccount }) {
  const { t, tk, dateTime } = useOfficeI18n();
  const inv = account.invitation;
  if (!inv) return null;
  if (account.role === 'candidate') return <span className="rlp-hint">{t('ofInvitation_candidate')}</span>;
  return (
    <span className={inv.status === 'expired' ? 'rlp-refused' : undefined} data-testid="invitation-status">
      {tk(`ofInvitation_${inv.status}`, inv.status)}
      {inv.status === 'pending' && inv.expiresAt ? ` (${t('ofInvitationValidUntil')} ${dateTime(inv.expiresAt)})` : null}
    </span>
  );
}

/** Accounts and the assessor pool (/bureau/accounts): the list, by role, and creating assessors and admins. */
export function AccountsPage() {
  const { t, tk, date } = useOfficeI18n();
  const { account: me } = useSession();
  const [params, setParams] = useSearchParams();
  const rol = params.get('rol');
  const role = isRole(rol) ? rol : null;
  const accounts = useAccounts();
  const shown = ((accounts.data ?? []) as OfficeAccount[]).filter((a) => role === null || a.role === role);
  return (
    <>
      <Heading1>{t('ofAccountsTitle')}</Heading1>
      <Paragraph>{t('ofAccountsIntro')}</Paragraph>
      <CreateAccount />
      <section aria-labelledby="accounts-title">
        <Heading2 id="accounts-title">{t('ofAccountTable')}</Heading2>
        <FormField type="select" className="rlp-inline-field">
          <FormLabel htmlFor="role-filter">{t('ofRoleFilter')}</FormLabel>
          <Select id="role-filter" value={role ?? ''} onChange={(e) => setParams(e.target.value ? { rol: e.target.value } : {}, { replace: true })}>
            <SelectOption value="">{t('ofRoleAll')}</SelectOption>
            {ROLES.map((r) => (
              <SelectOption key={r} value={r}>
                {tk(`ofRolePlural_${r}`)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        {accounts.isLoading ? <Loading /> : null}
        {accounts.error ? <ErrorBox error={accounts.error} retry={() => void accounts.refetch()} /> : null}
        {accounts.data && shown.length === 0 ? <Paragraph>{t('ofNoAccounts')}</Paragraph> : null}
        {shown.length > 0 ? (
          <div className="rlp-table-scroll">
            <Table className="rlp-office-table" data-testid="accounts">
              <caption className="rlp-visually-hidden">{t('ofAccountTable')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('ofName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofRole')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofOrganisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofAccountStatus')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofInvitation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofTwoFactor')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('ofCreatedOn')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((a) => (
                  <TableRow key={a.id} data-testid="account-row">
                    <TableCell>
                      <Link to={`/bureau/accounts/${a.id}`}>{a.displayName}</Link> {a.id === me?.id ? t('ofYou') : null}
                      <span className="rlp-hint rlp-block">{a.email}</span>
                    </TableCell>
                    <TableCell>{tk(`ofRole_${a.role}`, a.role)}</TableCell>
                    <TableCell>{a.organisation ?? <span className="rlp-hint">{t('ofNoOrganisation')}</span>}</TableCell>
                    <TableCell>{a.active ? t('ofAccountActive') : <span className="rlp-refused">{t('ofAccountInactive')}</span>}</TableCell>
                    <TableCell>
                      <InvitationStatus account={a} />
                    </TableCell>
                    <TableCell>{a.twoFactorEnabled ? t('ofTwoFactorOn') : a.role === 'candidate' ? t('ofTwoFactorOffCandidate') : t('ofTwoFactorOff')}</TableCell>
                    <TableCell>{date(a.createdAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}

/** Inviting an assessor or admin: name, e-mail, organisation, role; the person chooses their own password (ADR 0021). */
function CreateAccount() {
  const { t, message } = useOfficeI18n();
  const client = useQueryClient();
  const [tried, setTried] = useState(false);
  const [form, setForm] = useState({ displayName: '', email: '', organisation: '', role: 'assessor' as 'assessor' | 'admin' });
  const [created, setCreated] = useState<OfficeAccount | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: async (body: { displayName: string; email: string; organisation?: string; role: 'assessor' | 'admin' }) =>
      officePost<OfficeAccount>('/admin/accounts', body),
    onSuccess: (result) => {
      setCreated(result);
      setTried(false);
      setForm({ displayName: '', email: '', organisation: '', role: form.role });
      void client.invalidateQueries({ queryKey: ['office', 'accounts'] });
    },
  });
  const nameMissing = tried && form.displayName.trim() === '';
  const emailInvalid = tried && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setCreated(null);
    if (form.displayName.trim() === '') return nameRef.current?.focus();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) return emailRef.current?.focus();
    const organisation = form.organisation.trim();
    create.mutate({ displayName: form.displayName.trim(), email: form.email.trim(), role: form.role, ...(organisation ? { organisation } : {}) });
  };
  return (
    <section aria-labelledby="create-title" className="rlp-card">
      <Heading2 id="create-title">{t('ofCreateTitle')}</Heading2>
      <Paragraph>{t('ofCreateIntro')}</Paragraph>
      {created ? (
        <Alert type="ok" role="status" data-testid="created">
          <Paragraph>
            {t('ofCreated')} <strong>{created.displayName}</strong>. {t('ofInvitationSentTo')} {created.email}.
          </Paragraph>
          <Paragraph>
            <InvitationStatus account={created} />
          </Paragraph>
        </Alert>
      ) : null}
      {create.error ? (
        create.error instanceof ApiError ? (
          <Alert type="error" role="alert">
            <Paragraph>{message(create.error.message)}</Paragraph>
          </Alert>
        ) : (
          <ErrorBox error={create.error} />
        )
      ) : null}
      <form className="rlp-form rlp-office-form" onSubmit={submit} noValidate>
        <div className="rlp-two-columns">
          <FormField type="text" invalid={nameMissing}>
            <FormLabel htmlFor="new-name">{t('ofName')}</FormLabel>
            {nameMissing ? <FormFieldErrorMessage id="new-name-error">{t('ofNameRequired')}</FormFieldErrorMessage> : null}
            <Textbox ref={nameRef} id="new-name" autoComplete="off" required invalid={nameMissing} aria-invalid={nameMissing || undefined} aria-describedby={nameMissing ? 'new-name-error' : undefined} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </FormField>
          <FormField type="text" invalid={emailInvalid}>
            <FormLabel htmlFor="new-email">{t('ofEmail')}</FormLabel>
            {emailInvalid ? <FormFieldErrorMessage id="new-email-error">{t('ofEmailRequired')}</FormFieldErrorMessage> : null}
            <Textbox ref={emailRef} id="new-email" type="email" autoComplete="off" required invalid={emailInvalid} aria-invalid={emailInvalid || undefined} aria-describedby={emailInvalid ? 'new-email-error' : undefined} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </FormField>
        </div>
        <FormField type="text">
          <FormLabel htmlFor="new-organisation">{t('ofOrganisationOptional')}</FormLabel>
          <FormFieldDescription id="new-organisation-hint">{t('ofOrganisationHint')}</FormFieldDescription>
          <Textbox id="new-organisation" autoComplete="off" aria-describedby="new-organisation-hint" value={form.organisation} onChange={(e) => setForm({ ...form, organisation: e.target.value })} />
        </FormField>
        <Fieldset className="rlp-fieldset">
          <FieldsetLegend>{t('ofRole')}</FieldsetLegend>
          <div className="rlp-radios">
            {(['assessor', 'admin'] as const).map((r) => (
              <span className="rlp-radio" key={r}>
                <RadioButton id={`new-role-${r}`} name="new-role" value={r} checked={form.role === r} onChange={() => setForm({ ...form, role: r })} />
                <FormLabel htmlFor={`new-role-${r}`} type="radio">
                  {t(r === 'assessor' ? 'ofRole_assessor' : 'ofRole_admin')}
                </FormLabel>
              </span>
            ))}
          </div>
        </Fieldset>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} disabled={create.isPending}>
          {t('ofCreate')}
        </Button>
      </form>
    </section>
  );
}
