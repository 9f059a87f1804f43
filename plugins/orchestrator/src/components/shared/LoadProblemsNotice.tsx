import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { WorkflowLoadProblemDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useWorkflowLoadProblems } from '../../hooks/useWorkflowLoadProblems';
import { orchestratorTranslationRef } from '../../translation';

/** What to call a workflow that may not have parsed far enough to have an id. */
export const problemName = (p: WorkflowLoadProblemDTO) =>
  p.workflowId ?? p.file ?? '?';

/**
 * Admins only: the deployed workflows missing from the list because they failed to load,
 * each with its reason, so a broken file is not mistaken for one that was never deployed.
 * Renders nothing for everyone else and when all workflows loaded.
 */
export const LoadProblemsNotice = () => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const { problems } = useWorkflowLoadProblems();
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="load-problems" sx={{ mb: 2 }}>
      <AlertTitle>
        {t('loadProblems.title', { total: String(problems.length) })}
      </AlertTitle>
      {problems.map((p, i) => (
        <div key={`${problemName(p)}-${i}`} data-testid="load-problem">
          <strong>{problemName(p)}</strong>
          {p.file && p.workflowId ? ` (${p.file})` : ''}: {p.message}
        </div>
      ))}
    </Alert>
  );
};
