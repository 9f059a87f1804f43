import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';
import { examples } from './getWorkflowParams.examples';
import {
  OrchestratorActionDeps,
  orchestratorClientFor,
  withBackendReason,
} from './orchestratorClient';

/**
 * `orchestrator:workflow:get_params`: a workflow's title, description and input schema, the
 * schema also as template `parameters:` YAML (upstream's output shape).
 * @public
 */
export function createGetWorkflowParamsAction(deps: OrchestratorActionDeps) {
  return createTemplateAction({
    id: 'orchestrator:workflow:get_params',
    description: 'Collect parameters of a SonataFlow workflow.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        workflow_id: z =>
          z
            .string()
            .min(1)
            .describe('The workflow identifier from the workflow definition'),
        indent: z =>
          z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Indentation of the parameters YAML (default 0)'),
      },
      output: {
        title: z =>
          z.string().describe('Workflow name, or its id when it has none'),
        description: z =>
          z.string().optional().describe('Workflow description'),
        parameters: z =>
          z
            .string()
            .describe(
              "The input schema as template parameters YAML, '{}' when there is none",
            ),
        inputSchema: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe('The resolved input schema as an object'),
      },
    },
    async handler(ctx) {
      const { workflow_id: workflowId, indent = 0 } = ctx.input;
      const client = await orchestratorClientFor(
        deps,
        await ctx.getInitiatorCredentials(),
      );
      const [overview, schema] = await Promise.all([
        client.getWorkflowOverviewById({ path: { workflowId } }),
        client.getWorkflowInputSchemaById({ path: { workflowId } }),
      ]).catch(error => Promise.reject(withBackendReason(error)));
      const inputSchema = schema.inputSchema as
        | Record<string, unknown>
        | undefined;
      ctx.output('title', overview.name || workflowId);
      if (overview.description) ctx.output('description', overview.description);
      ctx.output(
        'parameters',
        inputSchema ? indentLines(yaml.dump([inputSchema]), indent) : '{}',
      );
      if (inputSchema) ctx.output('inputSchema', inputSchema);
    },
  });
}

function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map(line => (line ? pad + line : line))
    .join('\n');
}
