import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { BulkActionResultDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { orchestratorTranslationRef } from '../../translation';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Action = 'abort' | 'retrigger';

function useActionText() {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return (action: Action, count: number) =>
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

/**
 * Admin-only bulk abort / retrigger. The server checks each run and answers
 * per run, so one failure never hides the others' outcome.
 */
export const BulkActions = ({
  selected,
  onDone,
}: {
  selected: string[];
  onDone: () => void;
}) => {
  const api = useApi(orchestratorApiRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const text = useActionText();
  const [pending, setPending] = useState<Action>();
  const [busy, setBusy] = useState(false);
  // a second click before React re-renders the disabled button must not send twice
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<{
    action: Action;
    result?: BulkActionResultDTO;
    error?: Error;
  }>();

  const run = async () => {
    if (!pending || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const result =
        pending === 'abort'
          ? await api.abortInstances(selected)
          : await api.retriggerInstances(selected);
      setOutcome({ action: pending, result });
    } catch (e) {
      setOutcome({ action: pending, error: e as Error });
    } finally {
      inFlight.current = false;
      setBusy(false);
      setPending(undefined);
      onDone();
    }
  };

  const failed = outcome?.result?.results.filter(r => !r.ok) ?? [];
  const succeeded = (outcome?.result?.results.length ?? 0) - failed.length;
  const errorText = (action: Action, message: string) =>
    action === 'abort'
      ? t('bulk.abortError', { message })
      : t('bulk.retriggerError', { message });

  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Box display="flex" alignItems="center" flexWrap="wrap" gap={1}>
        <Typography variant="body2">
          {t('bulk.selected', { number: String(selected.length) })}
        </Typography>
        {(['abort', 'retrigger'] as Action[]).map(action => (
          <Button
            key={action}
            size="small"
            variant="outlined"
            disabled={selected.length === 0}
            onClick={() => setPending(action)}
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
          onClose={() => setOutcome(undefined)}
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
        busy={busy}
        title={pending ? text(pending, selected.length).title : ''}
        confirmLabel={pending ? text(pending, selected.length).confirm : ''}
        onCancel={() => setPending(undefined)}
        onConfirm={run}
      >
        {pending ? text(pending, selected.length).body : ''}
      </ConfirmDialog>
    </Box>
  );
};
