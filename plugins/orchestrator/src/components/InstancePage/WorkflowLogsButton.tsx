import { useState } from 'react';
import Button from '@mui/material/Button';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useWorkflowLogsEnabled } from '../../hooks/useWorkflowLogsEnabled';
import { orchestratorTranslationRef } from '../../translation';
import { WorkflowLogsDialog } from './WorkflowLogsDialog';

/** "View logs", only when the backend has a log provider; the dialog loads when opened. */
export const WorkflowLogsButton = ({
  instance,
}: {
  instance: ProcessInstanceDTO;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const enabled = useWorkflowLogsEnabled();
  const [open, setOpen] = useState(false);
  if (!enabled) return null;
  return (
    <>
      <Button
        variant="outlined"
        onClick={() => setOpen(true)}
        data-testid="action-view-logs"
      >
        {t('logs.viewLogs')}
      </Button>
      {open && (
        <WorkflowLogsDialog
          instance={instance}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
