import type {
  ProcessInstanceDTO,
  SearchRequest,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import {
  PROCESS_INSTANCE_STATUSES,
  getWorkflowResult,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { callerFrom } from '../services/Caller';
import { pagingFields } from './paging';
import type { OrchestratorActionsContext } from './types';

/** The summary of a run an agent gets in lists; ids, state and where to look. */
function summary(c: OrchestratorActionsContext, i: ProcessInstanceDTO) {
  return {
    instanceId: i.id,
    workflowId: i.processId,
    workflowName: i.processName,
    state: i.state,
    start: i.start,
    end: i.end,
    initiatorEntity: i.initiatorEntity,
    targetEntity: i.targetEntity,
    url: c.links.instance(i.id),
  };
}

/** `orchestrator:list-instances`, `get-instance`, `abort-instance`, `retrigger-instance`. */
export function registerInstanceActions(c: OrchestratorActionsContext) {
  const runSummary = (z: any) =>
    z.object({
      instanceId: z.string().describe('Run id'),
      workflowId: z.string().describe('Workflow id'),
      workflowName: z.string().optional().describe('Workflow display name'),
      state: z.enum(PROCESS_INSTANCE_STATUSES).optional().describe('Run state'),
      start: z.string().optional().describe('Start time, ISO-8601'),
      end: z.string().optional().describe('End time, ISO-8601, once ended'),
      initiatorEntity: z
        .string()
        .optional()
        .describe('Entity ref of who started it'),
      targetEntity: z.string().optional().describe('Entity ref the run is for'),
      url: z.string().describe('The run page in the portal'),
    });

  c.registry.register({
    name: 'list-instances',
    title: 'List workflow runs',
    description:
      "Lists runs newest first: the caller's own runs, or everyone's for holders of orchestrator.instanceAdminView, only of workflows the caller may see.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          workflowId: z
            .string()
            .min(1)
            .optional()
            .describe('Only runs of this workflow'),
          state: z
            .enum(PROCESS_INSTANCE_STATUSES)
            .optional()
            .describe('Only runs in this state'),
          ...pagingFields(z, { noun: 'runs', defaultLimit: 20 }),
        }),
      output: z =>
        z.object({
          instances: z.array(runSummary(z)).describe('One page of runs'),
          totalCount: z.number().describe('How many runs match in all'),
        }),
    },
    action: async ({ input, credentials }) => {
      const request: SearchRequest = {
        paginationInfo: {
          pageSize: input.limit ?? 20,
          offset: input.offset ?? 0,
          orderBy: 'start',
          orderDirection: 'DESC',
        },
        ...(input.state
          ? { filters: { field: 'state', operator: 'EQ', value: input.state } }
          : {}),
      };
      const result = await c.instances.list(
        callerFrom(credentials),
        request,
        input.workflowId,
      );
      return {
        output: {
          instances: result.items.map(i => summary(c, i)),
          totalCount: result.totalCount,
        },
      };
    },
  });

  c.registry.register({
    name: 'get-instance',
    title: 'Get a workflow run',
    description:
      'One run: its state, error, and WorkflowResult (message, outputs, suggested next workflows) once it ended.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({ instanceId: z.string().min(1).describe('Run id') }),
      output: z =>
        runSummary(z).extend({
          durationMs: z
            .number()
            .optional()
            .describe('Run time in milliseconds (until now while running)'),
          error: z
            .object({
              nodeDefinitionId: z.string().describe('The failing node'),
              message: z.string().optional().describe('The error message'),
            })
            .optional()
            .describe('Why the run failed, when it did'),
          result: z
            .record(z.string(), z.unknown())
            .optional()
            .describe(
              'The WorkflowResult (message, outputs, nextWorkflows) the workflow reported',
            ),
          rerunOf: z.string().optional().describe('The run this one re-ran'),
          parentInstanceId: z
            .string()
            .optional()
            .describe('The parent run, for a sub-flow'),
        }),
    },
    action: async ({ input, credentials }) => {
      const run = await c.instances.get(
        callerFrom(credentials),
        input.instanceId,
      );
      return {
        output: {
          ...summary(c, run),
          durationMs: run.duration,
          error: run.error,
          result: getWorkflowResult(run.workflowdata) as
            | Record<string, unknown>
            | undefined,
          rerunOf: run.rerunOf,
          parentInstanceId: run.parentProcessInstanceId,
        },
      };
    },
  });

  c.registry.register({
    name: 'abort-instance',
    title: 'Abort a workflow run',
    description:
      'Aborts an ACTIVE, ERROR or SUSPENDED run; needs orchestrator.workflow.use and the run must be yours (or you an instance admin).',
    attributes: { destructive: true, idempotent: false },
    schema: {
      input: z =>
        z.object({ instanceId: z.string().min(1).describe('Run id') }),
      output: z =>
        z.object({
          instanceId: z.string().describe('Run id'),
          message: z.string().describe('What happened'),
          url: z.string().describe('The run page in the portal'),
        }),
    },
    action: async ({ input, credentials }) => {
      const message = await c.execution.abort(
        callerFrom(credentials),
        input.instanceId,
      );
      return {
        output: {
          instanceId: input.instanceId,
          message,
          url: c.links.instance(input.instanceId),
        },
      };
    },
  });

  c.registry.register({
    name: 'retrigger-instance',
    title: 'Retrigger a failed workflow run',
    description:
      'Resumes an ERROR run from its failing node with the same inputs; needs orchestrator.workflow.use and the run must be yours (or you an instance admin).',
    attributes: { destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          instanceId: z.string().min(1).describe('Run id'),
          workflowId: z
            .string()
            .min(1)
            .optional()
            .describe("The run's workflow id (looked up when omitted)"),
        }),
      output: z =>
        z.object({
          instanceId: z.string().describe('Run id'),
          url: z.string().describe('The run page in the portal'),
        }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerFrom(credentials);
      const workflowId =
        input.workflowId ??
        (await c.instances.get(caller, input.instanceId)).processId;
      await c.execution.retrigger(caller, workflowId, input.instanceId, {});
      return {
        output: {
          instanceId: input.instanceId,
          url: c.links.instance(input.instanceId),
        },
      };
    },
  });
}
