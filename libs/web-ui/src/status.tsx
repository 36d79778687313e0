import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from './api';
import { useBaseI18n as useI18n } from './i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="rlp-loading" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, message: pickMessage } = useI18n();
  const message = error instanceof ApiError ? pickMessage(error.message) : t('error');
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
      {retry ? (
        <Button appearance="secondary-action-button" onClick={retry}>
          {t('retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
