import { SwFunction } from '../model';
import { ExpressionEvaluator } from '../expressions';
import { mergeData } from '../dataMerge';
import { UnsupportedConstructError } from '../errors';
import { MockAnswer, MockContext } from './mocks';
import { callOpenApiOperation, RestTargets } from './openApiCall';

export interface FunctionContext {
  evaluator: ExpressionEvaluator;
  workflowDir: string;
  uriDefinitions: Record<string, string>;
  targets: RestTargets;
  log(level: string, message: string): void;
  /** Mocks of the workflow, with this instance's call counters. */
  mocks?: Omit<MockContext, 'onMock'>;
  /** Cancels in-flight HTTP calls when the run (or branch) is cancelled. */
  signal?: AbortSignal;
  /** Told when a mock answered, so the action node can show it. */
  onMock?(answer: MockAnswer): void;
}

/**
 * Runs one function reference. Returns `undefined` when the function has no
 * result to merge (sysout).
 */
export async function invokeFunction(
  ctx: FunctionContext,
  fn: SwFunction,
  rawArgs: Record<string, unknown> | undefined,
  data: unknown,
): Promise<unknown> {
  const args = rawArgs
    ? ((await ctx.evaluator.arguments(rawArgs, data)) as Record<
        string,
        unknown
      >)
    : undefined;
  const type = fn.type ?? 'rest';
  switch (type) {
    case 'expression':
      // Arguments, when given, are visible to the expression next to the state data.
      return ctx.evaluator.evaluate(
        fn.operation,
        args ? mergeData(data, args) : data,
      );
    case 'custom': {
      const [kind, level = 'INFO'] = fn.operation.split(':');
      if (kind !== 'sysout')
        throw new UnsupportedConstructError(
          `custom function operation '${fn.operation}' (function '${fn.name}'); only sysout is supported`,
        );
      const message = args?.message;
      ctx.log(
        level,
        typeof message === 'string'
          ? message
          : JSON.stringify(message ?? args ?? null),
      );
      return undefined;
    }
    case 'rest':
      return callOpenApiOperation({
        operation: fn.operation,
        workflowDir: ctx.workflowDir,
        uriDefinitions: ctx.uriDefinitions,
        args: args ?? {},
        targets: ctx.targets,
        mocks: ctx.mocks && { ...ctx.mocks, onMock: ctx.onMock },
        signal: ctx.signal,
      });
    default:
      throw new UnsupportedConstructError(
        `function type '${type}' (function '${fn.name}')`,
      );
  }
}
