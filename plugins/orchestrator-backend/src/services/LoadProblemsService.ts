import { NotAllowedError } from '@backstage/errors';
import type { WorkflowLoadProblemsDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { WorkflowLoadProblems } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import type { WorkflowAuthorizer } from '../permissions/WorkflowAuthorizer';
import type { Caller } from './Caller';

/**
 * Which deployed workflows did not load, and why: admins only. Reasons name files, functions
 * and specs, which a user who may only run workflows has no business seeing; everyone else
 * keeps the plain not-found.
 */
export interface LoadProblemsService {
  list(caller: Caller): Promise<WorkflowLoadProblemsDTO>;
}

export class DefaultLoadProblemsService implements LoadProblemsService {
  static create(options: {
    source: WorkflowLoadProblems;
    authorizer: WorkflowAuthorizer;
  }) {
    return new DefaultLoadProblemsService(options.source, options.authorizer);
  }

  private constructor(
    private readonly source: WorkflowLoadProblems,
    private readonly authorizer: WorkflowAuthorizer,
  ) {}

  async list(caller: Caller): Promise<WorkflowLoadProblemsDTO> {
    if (!(await this.authorizer.isWorkflowAdmin(caller.credentials))) {
      throw new NotAllowedError(
        'Unauthorized: workflow load problems need orchestrator.workflowAdminView',
      );
    }
    return { problems: await this.source.list() };
  }
}
