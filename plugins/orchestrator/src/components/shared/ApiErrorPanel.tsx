import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { isDataIndexUnavailable, reasonOf } from './apiErrors';

/**
 * One way to show a failed backend call. A 503 from the backend means the
 * SonataFlow Data Index is down: say so plainly, since nothing on the page
 * can work until it is back and retrying the page won't help.
 */
export const ApiErrorPanel = ({
  error,
  title,
}: {
  error: Error;
  title?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  if (isDataIndexUnavailable(error)) {
    return (
      <Alert severity="error" data-testid="data-index-unavailable" role="alert">
        <AlertTitle>{t('dataIndex.title')}</AlertTitle>
        {t('dataIndex.body')} {reasonOf(error)}
      </Alert>
    );
  }
  return (
    <div data-testid="api-error">
      <ResponseErrorPanel error={error} title={title} />
    </div>
  );
};
