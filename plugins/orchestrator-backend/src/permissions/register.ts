import type {
  LoggerService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import type { OrchestratorPermissionSet } from './WorkflowAuthorizer';
import { orchestratorRules, orchestratorWorkflowResourceRef } from './rules';

/**
 * Registers the workflow resource type with its conditional rule and the
 * plugin's permissions. Resources are loaded by id alone: the only rule needs
 * nothing else, so no Data Index call happens per permission check.
 */
export function registerPermissions(
  registry: PermissionsRegistryService,
  set: OrchestratorPermissionSet,
) {
  registry.addResourceType({
    resourceRef: orchestratorWorkflowResourceRef,
    permissions: [set.workflowRead, set.workflowUse],
    rules: orchestratorRules,
    getResources: async resourceRefs => resourceRefs.map(id => ({ id })),
  });
  registry.addPermissions([set.workflowAdminView, set.instanceAdminView]);
}

/**
 * Registers RHDH 1.8's per-workflow names (`orchestrator.workflow.<id>`,
 * `orchestrator.workflow.use.<id>`) of the workflows deployed at startup, so RBAC's permission
 * metadata (its UI and policy editor) lists them. The registry only accepts permissions before
 * the plugin starts: a workflow deployed later is still authorized by name (RBAC matches policy
 * strings), it only is missing from that list until the next restart. Best effort: a Data Index
 * that does not answer within `waitMs` must not hold up or fail the backend's start.
 */
export async function registerWorkflowPermissions(options: {
  registry: PermissionsRegistryService;
  set: OrchestratorPermissionSet;
  workflowIds: () => Promise<Iterable<string>>;
  logger: LoggerService;
  waitMs: number;
}): Promise<string[]> {
  const { registry, set, logger, waitMs } = options;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${waitMs} ms`)),
      waitMs,
    );
  });
  try {
    const ids = [...(await Promise.race([options.workflowIds(), timeout]))];
    registry.addPermissions(
      ids.flatMap(id => [set.workflowReadFor(id), set.workflowUseFor(id)]),
    );
    return ids;
  } catch (error) {
    logger.warn(
      `Per-workflow permissions not registered (the Data Index did not list workflows: ${
        (error as Error).message
      }); policies naming them still apply`,
    );
    return [];
  } finally {
    clearTimeout(timer);
  }
}
