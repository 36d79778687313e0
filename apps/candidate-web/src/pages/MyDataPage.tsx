import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export default function MyDataPage() {
  const { t, lang, setLang } = useI18n();
  const { account } = useSession();
  return (
    <>
      <Heading1>{t('myData')}</Heading1>
      <section aria-labelledby="account-title">
        <Heading2 id="account-title">{t('account')}</Heading2>
        <dl className="rlp-facts">
          <dt>{t('displayName')}</dt>
          <dd>{account?.displayName}</dd>
          <dt>{t('email')}</dt>
          <dd>{account?.email}</dd>
          {account?.organisation ? (
            <>
              <dt>{t('organisation')}</dt>
              <dd>{account.organisation}</dd>
            </>
          ) : null}
          <dt>{t('language')}</dt>
          <dd>
            <button type="button" className="rlp-linkish" onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}>
              {lang === 'nl' ? 'Nederlands' : 'English'} — {t('switchLanguageLabel')}
            </button>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="export-title">
        <Heading2 id="export-title">{t('exportData')}</Heading2>
        <Paragraph>{t('exportIntro')}</Paragraph>
        <Paragraph>
          <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/me/export" download>
            {t('exportData')}
          </a>
        </Paragraph>
      </section>
    </>
  );
}
