import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { ResponseError } from '@backstage/errors';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { isTerminal } from '../../hooks/useLiveRows';
import { useWorkflowLogs } from '../../hooks/useWorkflowLogs';
import { orchestratorTranslationRef } from '../../translation';
import { CopyButton } from '../shared/CopyButton';
import { reasonOf } from '../shared/apiErrors';

/** 501 and 503 are the backend's setup or an outage, not a failure of this run: say which. */
const LogsProblem = ({
  error,
  hasLines,
}: {
  error: Error;
  hasLines: boolean;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const status =
    error instanceof ResponseError ? error.response.status : undefined;
  let message: string;
  if (status === 501) message = t('logs.notConfigured');
  else if (status === 503)
    message = t('logs.unavailable', { reason: reasonOf(error) });
  else if (status === 504) message = t('logs.timeout');
  else message = t('logs.loadError', { reason: reasonOf(error) });
  return (
    <Alert
      severity={status === 501 ? 'info' : 'error'}
      sx={{ mb: 1 }}
      data-testid="logs-problem"
    >
      {message}
      {hasLines && ` ${t('logs.stale')}`}
    </Alert>
  );
};

/** The lines of one run, monospaced, oldest first; reloaded while the run moves. */
export const WorkflowLogsDialog = ({
  instance,
  onClose,
}: {
  instance: ProcessInstanceDTO;
  onClose: () => void;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const { value, error, loading, refresh } = useWorkflowLogs(
    instance.id,
    instance.lastUpdate,
  );
  const lines = value?.logs ?? [];
  const text = lines.map(l => l.log).join('\n');
  const live = !isTerminal(instance.state);

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby="workflow-logs-title"
      data-testid="workflow-logs-dialog"
    >
      <DialogTitle id="workflow-logs-title">
        {t('logs.title', { name: instance.processName ?? instance.processId })}
      </DialogTitle>
      <DialogContent dividers>
        {loading && <LinearProgress aria-label={t('logs.loading')} />}
        {error && <LogsProblem error={error} hasLines={lines.length > 0} />}
        {value?.truncated && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="logs-truncated">
            {t('logs.truncated', {
              limit: String(value.limit ?? lines.length),
            })}
          </Alert>
        )}
        {value && !lines.length && !error && (
          <Typography color="text.secondary">{t('logs.empty')}</Typography>
        )}
        {lines.length > 0 && (
          <Box
            component="pre"
            aria-label={t('logs.linesLabel')}
            data-testid="logs-lines"
            sx={{
              fontFamily: 'monospace',
              fontSize: '0.8rem',
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
              m: 0,
              maxHeight: '60vh',
              overflow: 'auto',
            }}
          >
            {lines.map(line => (
              <div key={line.id} title={line.timestamp}>
                {line.log}
              </div>
            ))}
          </Box>
        )}
        {live && (
          <Typography variant="caption" color="text.secondary">
            {t('logs.live')}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        {lines.length > 0 && <CopyButton text={text} testId="logs-copy" />}
        <Button
          disabled={!lines.length}
          onClick={() => download(`${instance.id}.log`, text)}
          data-testid="logs-download"
        >
          {t('logs.download')}
        </Button>
        <Button onClick={() => refresh()} data-testid="logs-refresh">
          {t('logs.refresh')}
        </Button>
        <Button onClick={onClose} variant="contained">
          {t('logs.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
