import { useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { JsonObject } from '@backstage/types';
import { orchestratorApiRef } from '../api/OrchestratorApi';
import { orchestratorTranslationRef } from '../translation';
import { fieldErrorsOf } from '../components/shared/apiErrors';
import { useStartAttemptKey } from './startAttemptKey';
import {
  ErrorSchemaLike,
  toExtraErrors,
} from '../components/ExecutePage/prefill';

export type StartRunState = {
  starting: boolean;
  /** A failure that is not about a field (service down, forbidden, ...). */
  error?: Error;
  /** Server field errors, whole-form shape, for the form to place. */
  extraErrors?: ErrorSchemaLike;
  /** Server messages about the whole input or outside it. */
  formErrors: string[];
};

/**
 * Starts a run and sorts the backend's answer into what the page shows: the
 * new run's id, field errors for the form, or an error panel. A run of a workflow whose
 * schema says `failOnValidationErrors: false` starts despite input problems; the backend
 * returns them as `warnings`, posted here as a lasting alert, since the page navigates away.
 */
export function useStartRun(workflowId: string, targetEntity?: string) {
  const api = useApi(orchestratorApiRef);
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [state, setState] = useState<StartRunState>({
    starting: false,
    formErrors: [],
  });
  const attempt = useStartAttemptKey();

  const start = async (
    inputData: JsonObject,
    authTokens: { provider: string; token: string }[] = [],
  ): Promise<string | undefined> => {
    setState({ starting: true, formErrors: [] });
    try {
      const { id, warnings } = await api.executeWorkflow(workflowId, {
        inputData,
        targetEntity,
        ...(authTokens.length > 0 ? { authTokens } : {}),
        // Run clicked again after a failure, same inputs: the same key, never a second run.
        idempotencyKey: attempt.keyFor({ inputData, targetEntity }),
      });
      attempt.done();
      if (warnings && warnings.length > 0) {
        alertApi.post({
          message: t('execute.startedWithWarnings', {
            warnings: warnings.join('; '),
          }),
          severity: 'warning',
          display: 'permanent',
        });
      }
      return id;
    } catch (e) {
      const details = fieldErrorsOf(e);
      if (details.length > 0) {
        const { extraErrors, formErrors } = toExtraErrors(details);
        setState({ starting: false, extraErrors, formErrors });
      } else {
        setState({ starting: false, error: e as Error, formErrors: [] });
      }
      return undefined;
    }
  };

  return { ...state, start };
}
