import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { BulkAction, useBulkActions } from '../../hooks/useBulkActions';
import { orchestratorTranslationRef } from '../../translation';
import { ConfirmDialog } from '../shared/ConfirmDialog';

function useActionText() {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return (action: BulkAction, count: number) =>
    action === 'abort'
      ? {
          button: t('bulk.abortButton'),
          title: t('bulk.abortTitle'),
          confirm: t('bulk.abortConfirm', { count }),
          body: t('bulk.abortBody', { count }),
          done: t('bulk.abortDone', { count }),
        }
      : {
          button: t('bulk.retriggerButton'),
          title: t('bulk.retriggerTitle'),
          confirm: t('bulk.retriggerConfirm', { count }),
          body: t('bulk.retriggerBody', { count }),
          done: t('bulk.retriggerDone', { count }),
        };
}

/** Admin-only bulk abort / retrigger of the selected runs, with each run's outcome. */
export const BulkActions = ({
  selected,
  onDone,
}: {
  selected: string[];
  onDone: () => void;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const text = useActionText();
  const bulk = useBulkActions(onDone);
  const { pending, outcome } = bulk;

  const failed = outcome?.result?.results.filter(r => !r.ok) ?? [];
  const succeeded = (outcome?.result?.results.length ?? 0) - failed.length;
  const errorText = (action: BulkAction, message: string) =>
    action === 'abort'
      ? t('bulk.abortError', { message })
      : t('bulk.retriggerError', { message });

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Box display="flex" alignItems="center" flexWrap="wrap" gap={1}>
        <Typography variant="body2">
          {t('bulk.selected', { number: String(selected.length) })}
        </Typography>
        {(['abort', 'retrigger'] as BulkAction[]).map(action => (
          <Button
            key={action}
            size="small"
            variant="outlined"
            disabled={selected.length === 0}
            onClick={() => bulk.ask(action)}
            sx={{ whiteSpace: 'nowrap' }}
            data-testid={`bulk-${action}`}
          >
            {text(action, selected.length).button}
          </Button>
        ))}
      </Box>
      {outcome && (
        <Alert
          severity={outcome.error || failed.length ? 'warning' : 'success'}
          onClose={bulk.dismiss}
          data-testid="bulk-outcome"
        >
          {outcome.error
            ? errorText(outcome.action, outcome.error.message)
            : text(outcome.action, succeeded).done}
          {failed.map(f => (
            <div key={f.instanceId}>
              {f.instanceId}: {f.error ?? t('bulk.runFailed')}
            </div>
          ))}
        </Alert>
      )}
      <ConfirmDialog
        open={Boolean(pending)}
        busy={bulk.busy}
        title={pending ? text(pending, selected.length).title : ''}
        confirmLabel={pending ? text(pending, selected.length).confirm : ''}
        onCancel={bulk.cancel}
        onConfirm={() => bulk.confirm(selected)}
      >
        {pending ? text(pending, selected.length).body : ''}
      </ConfirmDialog>
    </Box>
  );
};
