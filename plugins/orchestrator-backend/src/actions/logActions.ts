import { callerFrom } from '../services/Caller';
import type { OrchestratorActionsContext } from './types';

const DEFAULT_TAIL = 200;
const MAX_TAIL = 1000;

/** `orchestrator:get-instance-logs`: what an agent reads to find out why a run failed. */
export function registerLogActions(c: OrchestratorActionsContext) {
  c.registry.register({
    name: 'get-instance-logs',
    title: 'Get the log lines of a workflow run',
    description:
      "The newest log lines of one run, oldest first, from the backend's log provider (e.g. Loki); the same checks as get-instance. Fails when no log provider is configured.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          instanceId: z.string().min(1).describe('Run id'),
          tail: z
            .number()
            .int()
            .min(1)
            .max(MAX_TAIL)
            .optional()
            .describe(
              `How many of the newest lines to return (default ${DEFAULT_TAIL}, at most ${MAX_TAIL})`,
            ),
        }),
      output: z =>
        z.object({
          instanceId: z.string().describe('Run id'),
          provider: z
            .string()
            .optional()
            .describe('The log provider that answered'),
          truncated: z
            .boolean()
            .describe('True when older lines were left out'),
          lines: z
            .array(
              z.object({
                time: z.string().optional().describe('ISO-8601 time'),
                line: z.string().describe('The line as stored'),
              }),
            )
            .describe('Oldest first'),
          url: z.string().describe('The run page in the portal'),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await c.logs.get(
        callerFrom(credentials),
        input.instanceId,
        {
          rawlog: true,
        },
      );
      const tail = input.tail ?? DEFAULT_TAIL;
      const kept = answer.logs.slice(-tail);
      return {
        output: {
          instanceId: answer.instanceId,
          provider: answer.provider,
          truncated:
            Boolean(answer.truncated) || kept.length < answer.logs.length,
          lines: kept.map(l => ({ time: l.timestamp, line: l.log })),
          url: c.links.instance(answer.instanceId),
        },
      };
    },
  });
}
