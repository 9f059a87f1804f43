import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useBackoffPolling } from '../../hooks/useBackoffPolling';
import { orchestratorTranslationRef } from '../../translation';
import {
  isDataIndexUnavailable,
  isForbidden,
  isNotFound,
  reasonOf,
} from './apiErrors';

export interface ApiErrorPanelProps {
  error: Error;
  title?: string;
  /** Loads again; with it the panel has a Retry button and retries by itself while the Data Index is down. */
  onRetry?: () => Promise<unknown> | void;
  /** The page still shows what it loaded before: a Data Index outage makes it stale, not gone. */
  hasData?: boolean;
  /** What a 404 means on this page (e.g. no run with this id). */
  notFoundMessage?: string;
}

/**
 * One way to show a failed backend call, by what the user can do about it: a missing object,
 * missing permissions, a Data Index outage (waits and retries by itself with backoff, so the
 * page recovers without a reload) or anything else (Retry).
 */
export const ApiErrorPanel = ({
  error,
  title,
  onRetry,
  hasData,
  notFoundMessage,
}: ApiErrorPanelProps) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const outage = isDataIndexUnavailable(error);
  // Failed retries keep it enabled, so the waits keep growing; success unmounts the panel.
  useBackoffPolling({
    enabled: outage && Boolean(onRetry),
    poll: () => onRetry?.(),
    initialDelayMs: 2000,
    maxDelayMs: 30000,
    factor: 2,
  });
  const retry = onRetry && (
    <Button
      color="inherit"
      size="small"
      variant="outlined"
      onClick={() => onRetry()}
      data-testid="retry"
    >
      {t('recovery.retry')}
    </Button>
  );

  if (outage) {
    return (
      <Alert
        severity={hasData ? 'warning' : 'error'}
        data-testid={hasData ? 'stale-data' : 'data-index-unavailable'}
        role="alert"
        action={retry}
      >
        <AlertTitle>
          {hasData ? t('recovery.staleTitle') : t('dataIndex.title')}
        </AlertTitle>
        {hasData ? t('recovery.staleBody') : t('dataIndex.body')}{' '}
        {onRetry && !hasData ? `${t('recovery.retrying')} ` : ''}
        {reasonOf(error)}
      </Alert>
    );
  }
  // Every failure but an outage is an `api-error`; its kind is named inside.
  let panel;
  if (isNotFound(error)) {
    panel = (
      <Alert severity="warning" data-testid="not-found" role="alert">
        <AlertTitle>{t('recovery.notFoundTitle')}</AlertTitle>
        {notFoundMessage ?? reasonOf(error)}
      </Alert>
    );
  } else if (isForbidden(error)) {
    panel = (
      <Alert severity="error" data-testid="forbidden" role="alert">
        <AlertTitle>{t('recovery.forbiddenTitle')}</AlertTitle>
        {t('recovery.forbiddenBody')} {reasonOf(error)}
      </Alert>
    );
  } else {
    panel = (
      <>
        <ResponseErrorPanel error={error} title={title} />
        {retry}
      </>
    );
  }
  return <div data-testid="api-error">{panel}</div>;
};
