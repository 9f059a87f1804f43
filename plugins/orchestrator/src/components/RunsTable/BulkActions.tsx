import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { BulkActionResultDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { ConfirmDialog } from '../shared/ConfirmDialog';

type Action = 'abort' | 'retrigger';

const ACTION_TEXT: Record<
  Action,
  { button: string; title: string; done: string }
> = {
  abort: { button: 'Abort selected', title: 'Abort runs', done: 'aborted' },
  retrigger: {
    button: 'Retrigger selected',
    title: 'Retrigger runs',
    done: 'retriggered',
  },
};

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
  const [pending, setPending] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{
    action: Action;
    result?: BulkActionResultDTO;
    error?: Error;
  }>();

  const run = async () => {
    if (!pending) return;
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
      setBusy(false);
      setPending(undefined);
      onDone();
    }
  };

  const failed = outcome?.result?.results.filter(r => !r.ok) ?? [];
  const succeeded = (outcome?.result?.results.length ?? 0) - failed.length;

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body2">{selected.length} selected</Typography>
        {(['abort', 'retrigger'] as Action[]).map(action => (
          <Button
            key={action}
            size="small"
            variant="outlined"
            disabled={selected.length === 0}
            onClick={() => setPending(action)}
            data-testid={`bulk-${action}`}
          >
            {ACTION_TEXT[action].button}
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
            ? `Could not ${outcome.action} the runs: ${outcome.error.message}`
            : `${succeeded} run(s) ${ACTION_TEXT[outcome.action].done}.`}
          {failed.map(f => (
            <div key={f.instanceId}>
              {f.instanceId}: {f.error ?? 'failed'}
            </div>
          ))}
        </Alert>
      )}
      <ConfirmDialog
        open={Boolean(pending)}
        busy={busy}
        title={pending ? ACTION_TEXT[pending].title : ''}
        onCancel={() => setPending(undefined)}
        onConfirm={run}
      >
        {pending === 'abort'
          ? `Abort ${selected.length} run(s)? Runs that already finished are left as they are.`
          : `Retrigger ${selected.length} run(s) from their failed node? Only failed runs can be retriggered.`}
      </ConfirmDialog>
    </Box>
  );
};
