import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading1,
  Heading2,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { api, must } from '../../api/client';
import { useI18n } from '../../i18n';
import { ActionError, StatusTag } from './common';
import { RulebookMoves } from './RulebookMoves';


const KEY = ['admin', 'rulebooks'] as const;

/** The rulebook versions this build ships, and the one new portfolios start on (ADR 0007 §3). */
export function RulebooksPage() {
  const { t, pick } = useI18n();
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: async () => (await must(api.GET('/admin/rulebooks'))) });
  const current = list.data?.find((r) => r.isDefault)?.id ?? '';
  const [choice, setChoice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = choice ?? current;
  const save = useMutation({
    mutationFn: async (rulebook: string) => (await must(api.PUT('/admin/rulebooks/default', { body: { rulebook } }))),
    onSuccess: async (answer) => {
      const picked = answer.find((r) => r.isDefault);
      await client.invalidateQueries({ queryKey: KEY });
      setChoice(null);
      setSaved(picked ? `${t('bh_defaultSaved')} ${pick(picked.title)}` : t('bh_defaultSaved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.mutate(chosen);
  };
  const published = (list.data ?? []).filter((r) => r.status === 'published');
  return (
    <div className="rlp-beheer">
      <Heading1>{t('bh_rulebooksTitle')}</Heading1>
      <Paragraph className="rlp-intro">{t('bh_rulebooksIntro')}</Paragraph>
      {list.isLoading ? <Loading /> : null}
      {list.error ? <ErrorBox error={list.error} retry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <section aria-labelledby="rb-list-title">
            <Heading2 id="rb-list-title">{t('bh_rulebookVersions')}</Heading2>
            <div className="rlp-table-scroll">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('bh_rulebookName')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_rulebookId')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_status')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('bh_forNewPortfolios')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.data.map((r) => (
                    <TableRow key={r.id}>
                      <TableHeaderCell scope="row">{pick(r.title)}</TableHeaderCell>
                      <TableCell>
                        <code className="rlp-hash">{r.id}</code>
                      </TableCell>
                      <TableCell>{r.status === 'published' ? <StatusTag kind="published">{t('bh_rbPublished')}</StatusTag> : <StatusTag kind="test">{t('bh_rbTest')}</StatusTag>}</TableCell>
                      <TableCell>{r.isDefault ? <StatusTag kind="default">{t('bh_rbDefault')}</StatusTag> : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
          <section aria-labelledby="rb-default-title">
            <Heading2 id="rb-default-title">{t('bh_defaultTitle')}</Heading2>
            <form className="rlp-form" onSubmit={submit}>
              <Fieldset>
                <FieldsetLegend>{t('bh_defaultLegend')}</FieldsetLegend>
                <div className="rlp-radios">
                  {published.map((r) => (
                    <FormField
                      key={r.id}
                      type="radio"
                      input={<RadioButton id={`rb-${r.id}`} name="rulebook" value={r.id} checked={chosen === r.id} onChange={() => setChoice(r.id)} />}
                      label={
                        <FormLabel htmlFor={`rb-${r.id}`} type="radio">
                          {pick(r.title)} ({r.id}){r.isDefault ? ` — ${t('bh_rbDefaultNow')}` : ''}
                        </FormLabel>
                      }
                    />
                  ))}
                </div>
              </Fieldset>
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" disabled={save.isPending || chosen === '' || chosen === current}>
                  {t('bh_defaultSave')}
                </Button>
              </ButtonGroup>
              <p className="rlp-beheer-status" role="status">
                {saved ?? (published.length === 1 ? t('bh_onlyOnePublished') : '')}
              </p>
              <ActionError error={save.error} />
            </form>
          </section>
          <section aria-labelledby="rb-move-title">
            <Heading2 id="rb-move-title">{t('bh_moveTitle')}</Heading2>
            <Paragraph>{t('bh_moveExplain')}</Paragraph>
            <RulebookMoves rulebooks={list.data} />
          </section>
        </>
      ) : null}
    </div>
  );
}
