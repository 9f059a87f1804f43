import type { JsonObject } from '@backstage/types';
import {
  PROCESS_INSTANCE_STATUSES,
  type ExecuteWorkflowRequestDTO,
  type ProcessInstanceStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { callerFrom } from '../services/Caller';
import { pagingFields } from './paging';
import type { OrchestratorActionsContext } from './types';

/** `orchestrator:list-workflows`, `orchestrator:get-workflow-schema`, `orchestrator:execute-workflow`. */
export function registerWorkflowActions(c: OrchestratorActionsContext) {
  c.registry.register({
    name: 'list-workflows',
    title: 'List workflows',
    description:
      'Lists the SonataFlow workflows the caller may see, with their last run. Use get-workflow-schema before execute-workflow.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          search: z
            .string()
            .max(200)
            .optional()
            .describe('Text matched against workflow names and ids'),
          ...pagingFields(z, { noun: 'workflows', defaultLimit: 50 }),
        }),
      output: z =>
        z.object({
          workflows: z
            .array(
              z.object({
                workflowId: z.string().describe('Workflow id'),
                name: z.string().optional().describe('Display name'),
                description: z.string().optional().describe('Description'),
                version: z.string().optional().describe('Version'),
                available: z
                  .boolean()
                  .optional()
                  .describe('Whether its workflow service answers'),
                lastRunId: z.string().optional().describe('Id of its last run'),
                lastRunState: z
                  .enum(PROCESS_INSTANCE_STATUSES)
                  .optional()
                  .describe('State of its last run'),
                url: z.string().describe('Its page in the portal'),
              }),
            )
            .describe('One page of workflows, by name'),
          totalCount: z
            .number()
            .describe('How many workflows the caller may see in all'),
        }),
    },
    action: async ({ input, credentials }) => {
      const result = await c.workflows.listOverviews(callerFrom(credentials), {
        search: input.search,
        paginationInfo: {
          pageSize: input.limit ?? 50,
          offset: input.offset ?? 0,
          orderBy: 'name',
          orderDirection: 'ASC',
        },
      });
      return {
        output: {
          workflows: result.overviews.map(o => ({
            workflowId: o.workflowId,
            name: o.name,
            description: o.description,
            version: o.version,
            available: o.isAvailable,
            lastRunId: o.lastRunId,
            lastRunState: o.lastRunStatus as ProcessInstanceStatusDTO,
            url: c.links.workflow(o.workflowId),
          })),
          totalCount: result.totalCount,
        },
      };
    },
  });

  c.registry.register({
    name: 'get-workflow-schema',
    title: 'Get a workflow input schema',
    description:
      "Returns the JSON Schema a workflow's inputs must satisfy (every $ref resolved); execute-workflow checks inputData against it.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          workflowId: z.string().min(1).describe('Workflow id'),
        }),
      output: z =>
        z.object({
          workflowId: z.string().describe('Workflow id'),
          inputSchema: z
            .record(z.string(), z.unknown())
            .optional()
            .describe('JSON Schema of inputData; absent when it takes none'),
          url: z
            .string()
            .describe('The run form of the workflow in the portal'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { inputSchema } = await c.workflows.getInputSchema(
        callerFrom(credentials),
        input.workflowId,
      );
      return {
        output: {
          workflowId: input.workflowId,
          inputSchema,
          url: c.links.executeWorkflow(input.workflowId),
        },
      };
    },
  });

  c.registry.register({
    name: 'execute-workflow',
    title: 'Start a workflow run',
    description:
      'Starts a run as the caller. inputData is validated on the server against the input schema (a failure lists every failing field), unless the schema sets failOnValidationErrors to false, then the run starts and the problems come back as warnings. Reusing an idempotencyKey returns the first run instead of starting another.',
    attributes: { destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          workflowId: z.string().min(1).describe('Workflow id'),
          inputData: z
            .record(z.string(), z.unknown())
            .optional()
            .describe('The inputs, matching get-workflow-schema (default {})'),
          targetEntity: z
            .string()
            .max(512)
            .optional()
            .describe(
              'Catalog entity the run is for, e.g. component:default/payments-api',
            ),
          idempotencyKey: z
            .string()
            .min(8)
            .max(100)
            .regex(/^[A-Za-z0-9_.:\-]+$/)
            .optional()
            .describe(
              'A key of your choosing, the same on every retry of this start (e.g. a UUID)',
            ),
        }),
      output: z =>
        z.object({
          instanceId: z.string().describe('Id of the run'),
          url: z.string().describe('The run page in the portal'),
          warnings: z
            .array(z.string())
            .optional()
            .describe(
              'Input problems accepted by failOnValidationErrors: false',
            ),
        }),
    },
    // No provider tokens: MCP clients send no secrets, and an agent's prompt is no place for
    // them. A workflow that needs one is started from the portal or a template instead.
    action: async ({ input, credentials }) => {
      const request = {
        inputData: (input.inputData ?? {}) as JsonObject,
        targetEntity: input.targetEntity,
        ...(input.idempotencyKey
          ? { idempotencyKey: input.idempotencyKey }
          : {}),
      } as ExecuteWorkflowRequestDTO;
      const started = (await c.execution.execute(
        callerFrom(credentials),
        input.workflowId,
        request,
      )) as { id: string; warnings?: string[] };
      return {
        output: {
          instanceId: started.id,
          url: c.links.instance(started.id),
          ...(started.warnings?.length ? { warnings: started.warnings } : {}),
        },
      };
    },
  });
}
