import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  problemOf,
  useWorkflowLoadProblems,
} from '../../hooks/useWorkflowLoadProblems';
import { orchestratorTranslationRef } from '../../translation';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { isNotFound } from '../shared/apiErrors';

/**
 * Why a workflow page has no workflow. For an admin, a not-found whose id failed to load says
 * so with the reason; everyone else (and any other error) gets the usual panel.
 */
export const WorkflowLoadError = ({
  workflowId,
  error,
}: {
  workflowId: string;
  error: Error;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const notFound = isNotFound(error);
  const { loading, problems } = useWorkflowLoadProblems(notFound);
  if (!notFound) {
    return <ApiErrorPanel error={error} title={t('workflow.loadError')} />;
  }
  if (loading) return <Progress />;
  const problem = problemOf(problems, workflowId);
  if (!problem) {
    return <ApiErrorPanel error={error} title={t('workflow.loadError')} />;
  }
  return (
    <Alert severity="error" data-testid="workflow-load-problem" role="alert">
      <AlertTitle>
        {t('loadProblems.workflowFailed', {
          workflowId,
          message: problem.message,
        })}
      </AlertTitle>
      {problem.file && t('loadProblems.file', { file: problem.file })}
    </Alert>
  );
};
