import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/** One deployed workflow file that did not load, and why. @public */
export interface WorkflowLoadProblem {
  /** The workflow id, when the file parsed far enough to have one. */
  workflowId?: string;
  /** The file as the runtime names it. */
  file?: string;
  message: string;
}

/**
 * Where the backend learns which workflows failed to load. SonataFlow itself has no such API
 * (a broken workflow fails the build), so the built-in source asks the local stand-in and
 * reports nothing elsewhere; a platform can plug in its own (e.g. build or operator status).
 * @public
 */
export interface WorkflowLoadProblems {
  /** The current problems; an empty list when the source knows of none or cannot tell. */
  list(): Promise<WorkflowLoadProblem[]>;
}

/** What the backend hands a provider when it starts. @public */
export interface WorkflowLoadProblemsProviderContext {
  /** Builds the built-in source from `orchestrator.loadProblems` (see the backend's config). */
  createDefaultSource(): WorkflowLoadProblems;
}

/** Yields the load-problems source the Orchestrator backend uses; asked once at start. @public */
export interface WorkflowLoadProblemsProvider {
  getSource(
    context: WorkflowLoadProblemsProviderContext,
  ): WorkflowLoadProblems | Promise<WorkflowLoadProblems>;
}

/**
 * The source of "workflow X failed to load: reason" that admins see. A provider for the same
 * reason as `orchestratorDataIndexClientServiceRef`: the built-in source lives in the backend.
 * @public
 */
export const orchestratorWorkflowLoadProblemsServiceRef =
  createServiceRef<WorkflowLoadProblemsProvider>({
    id: 'orchestrator.workflowLoadProblems',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => ({
          getSource: context => context.createDefaultSource(),
        }),
      }),
  });
