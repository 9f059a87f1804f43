import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  appUrl,
  getWorkflowResult,
  routePaths,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { examples } from './runWorkflow.examples';
import {
  OrchestratorActionDeps,
  orchestratorClientFor,
  withBackendReason,
} from './orchestratorClient';
import { waitForRun } from './waitForRun';

/**
 * `orchestrator:workflow:run`: starts a workflow as the template's user. Unlike upstream it can
 * wait for the run to end and hand its status and WorkflowResult outputs to later steps; the
 * start itself runs under a checkpoint so a retried task never starts a second run.
 * @public
 */
export function createRunWorkflowAction(
  deps: OrchestratorActionDeps & {
    /** `app.baseUrl` makes the output links absolute. */
    config: RootConfigService;
  },
) {
  const base = deps.config.getOptionalString('app.baseUrl') ?? '';
  return createTemplateAction({
    id: 'orchestrator:workflow:run',
    description: 'Run a SonataFlow workflow, optionally waiting for it to end.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        workflow_id: z =>
          z
            .string()
            .min(1)
            .describe('The workflow identifier from the workflow definition'),
        parameters: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe(
              'The workflow inputs, validated against its input schema',
            ),
        target_entity: z =>
          z
            .string()
            .optional()
            .describe(
              'Entity the run is for, e.g. component:default/payments-api',
            ),
        wait: z =>
          z
            .boolean()
            .optional()
            .describe('Wait for the run to end (default false)'),
        timeout_seconds: z =>
          z
            .number()
            .int()
            .positive()
            .optional()
            .describe('How long to wait when wait is true (default 900)'),
        auth_tokens: z =>
          z
            .array(
              z.object({
                provider: z
                  .string()
                  .regex(/^[A-Za-z0-9_-]{1,64}$/)
                  .describe('Auth provider id, e.g. github'),
                token: z
                  .string()
                  .min(1)
                  .describe(
                    'The access token, from the template secrets, e.g. ${{ secrets.USER_OAUTH_TOKEN }}',
                  ),
              }),
            )
            .max(20)
            .optional()
            .describe(
              'Provider tokens forwarded to the workflow as X-Authorization-<Provider> headers, as the run form does',
            ),
        fail_on_error: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Fail the step when the awaited run ends in ERROR or ABORTED, or does not end in time (default true)',
            ),
      },
      output: {
        instanceId: z => z.string().describe('Id of the started run'),
        instanceUrl: z =>
          z
            .string()
            .describe(
              'The run page in the portal (absolute under app.baseUrl)',
            ),
        orchestratorWorkflowsUrl: z =>
          z.string().describe("The portal's Orchestrator workflows page"),
        catalogEntityUrl: z =>
          z
            .string()
            .optional()
            .describe('The catalog page of target_entity, when one is set'),
        status: z =>
          z
            .string()
            .optional()
            .describe('Final state of the run, when waited for'),
        message: z =>
          z
            .string()
            .optional()
            .describe('WorkflowResult message, when waited for'),
        outputs: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe('WorkflowResult outputs by key, when waited for'),
      },
    },
    async handler(ctx) {
      const {
        workflow_id: workflowId,
        parameters = {},
        wait = false,
      } = ctx.input;
      const targetEntity = ctx.input.target_entity
        ? normalizeEntityRef(ctx.input.target_entity)
        : undefined;

      ctx.output(
        'orchestratorWorkflowsUrl',
        appUrl(base, routePaths.workflows()),
      );
      if (targetEntity) {
        ctx.output(
          'catalogEntityUrl',
          appUrl(base, routePaths.catalogEntity(parseEntityRef(targetEntity))),
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would start workflow ${workflowId}`);
        ctx.output('instanceId', 'dry-run');
        ctx.output('instanceUrl', appUrl(base, routePaths.workflows()));
        return;
      }

      const client = await orchestratorClientFor(
        deps,
        await ctx.getInitiatorCredentials(),
      );
      const instanceId = await ctx.checkpoint({
        key: `orchestrator.workflow.run.${workflowId}`,
        fn: async () =>
          client
            .executeWorkflow({
              path: { workflowId },
              body: {
                inputData: parameters as Record<string, unknown>,
                targetEntity,
                // The checkpoint covers a start that answered; this covers one whose answer was
                // lost (timeout, crash): the retried task sends the same key, the backend finds
                // the first run instead of making a second.
                idempotencyKey: taskStartKey(ctx, workflowId),
                ...(ctx.input.auth_tokens?.length
                  ? { authTokens: ctx.input.auth_tokens }
                  : {}),
              },
            })
            .then(
              ({ id }) => id,
              error => Promise.reject(withBackendReason(error)),
            ),
      });
      ctx.logger.info(`Started workflow ${workflowId} as run ${instanceId}`);
      ctx.output('instanceId', instanceId);
      ctx.output('instanceUrl', appUrl(base, routePaths.instance(instanceId)));
      if (!wait) return;

      const { instance, timedOut } = await waitForRun({
        client,
        instanceId,
        timeoutMs: (ctx.input.timeout_seconds ?? 900) * 1000,
        signal: ctx.signal,
      }).catch(error => Promise.reject(withBackendReason(error)));
      const result = getWorkflowResult(instance.workflowdata);
      ctx.output('status', instance.state ?? 'UNKNOWN');
      if (result?.message) ctx.output('message', result.message);
      ctx.output(
        'outputs',
        Object.fromEntries((result?.outputs ?? []).map(o => [o.key, o.value])),
      );
      const failed =
        timedOut || instance.state === 'ERROR' || instance.state === 'ABORTED';
      if (failed && ctx.input.fail_on_error !== false) {
        const reason = timedOut
          ? `did not end within ${ctx.input.timeout_seconds ?? 900} s (state ${
              instance.state
            })`
          : `ended in ${instance.state}${
              instance.error?.message ? `: ${instance.error.message}` : ''
            }`;
        throw new Error(`Workflow run ${instanceId} ${reason}`);
      }
    },
  });
}

function normalizeEntityRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch (error) {
    throw new InputError(
      `target_entity "${ref}" is not an entity reference (kind:namespace/name)`,
    );
  }
}

/** One key per task, step, workflow and `each` item: stable across retries of the task. */
function taskStartKey(
  ctx: { task: { id: string }; step?: { id?: string }; each?: unknown },
  workflowId: string,
): string {
  const digest = createHash('sha256')
    .update(
      [
        ctx.task.id,
        ctx.step?.id ?? '',
        workflowId,
        JSON.stringify(ctx.each ?? null),
      ].join('\n'),
    )
    .digest('hex');
  return `scaffolder-${digest.slice(0, 40)}`;
}
