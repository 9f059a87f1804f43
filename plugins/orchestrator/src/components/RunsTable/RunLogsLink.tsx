import { lazy, Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useWorkflowLogsEnabled } from '../../hooks/useWorkflowLogsEnabled';
import { orchestratorTranslationRef } from '../../translation';

// The dialog belongs to the run page's code; a runs list fetches it only when it is opened.
const WorkflowLogsDialog = lazy(() =>
  import('../InstancePage/WorkflowLogsDialog').then(m => ({
    default: m.WorkflowLogsDialog,
  })),
);

/**
 * "View logs" beside a failed run's status in a runs list, so the reason is one click away
 * without opening the run; shown only when the backend has a log provider.
 */
export const RunLogsLink = ({ run }: { run: ProcessInstanceDTO }) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const enabled = useWorkflowLogsEnabled();
  const [open, setOpen] = useState(false);
  if (!enabled || run.state !== 'ERROR') return null;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        sx={{ whiteSpace: 'nowrap' }}
        data-testid="run-view-logs"
      >
        {t('logs.viewLogs')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <WorkflowLogsDialog instance={run} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
};
