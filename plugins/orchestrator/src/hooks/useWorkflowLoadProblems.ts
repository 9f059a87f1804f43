import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  orchestratorAdminViewPermission,
  WorkflowLoadProblemDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorApiRef } from '../api/OrchestratorApi';

export interface LoadProblems {
  /** Settled: the permission is decided and, for an admin, the answer is in. */
  loading: boolean;
  problems: WorkflowLoadProblemDTO[];
}

/**
 * Deployed workflows that did not load, for admins (orchestrator.workflowAdminView, as the
 * backend checks). Others never ask, so they see no reasons. A failed call shows nothing:
 * the notice explains missing workflows, it must not add an error of its own.
 * `enabled: false` asks nothing (a page whose error is not a not-found).
 */
export function useWorkflowLoadProblems(enabled = true): LoadProblems {
  const api = useApi(orchestratorApiRef);
  const admin = usePermission({ permission: orchestratorAdminViewPermission });
  const [state, setState] = useState<LoadProblems>({
    loading: true,
    problems: [],
  });

  useEffect(() => {
    if (admin.loading) return undefined;
    if (!enabled || !admin.allowed) {
      setState({ loading: false, problems: [] });
      return undefined;
    }
    let current = true;
    api
      .getWorkflowLoadProblems()
      .then(
        answer => answer.problems,
        () => [],
      )
      .then(problems => {
        if (current) setState({ loading: false, problems });
      });
    return () => {
      current = false;
    };
  }, [api, enabled, admin.loading, admin.allowed]);

  return state;
}

/** The problem of one workflow id, if it is among them. */
export function problemOf(
  problems: WorkflowLoadProblemDTO[],
  workflowId: string,
): WorkflowLoadProblemDTO | undefined {
  return problems.find(p => p.workflowId === workflowId);
}
