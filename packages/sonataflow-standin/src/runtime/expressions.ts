import { parenthesizeObjectValues } from './jq/jacksonJqCompat';
import { JqCompileError, JqEngine, JqVariables } from './jq/JqEngine';

/** `${ .foo }` and `.foo` are the same expression to SonataFlow. */
export function stripExpression(expr: string): string {
  const trimmed = expr.trim();
  const m = /^\$\{([\s\S]*)\}$/.exec(trimmed);
  return m ? m[1].trim() : trimmed;
}

const isWrapped = (s: string) => /^\s*\$\{[\s\S]*\}\s*$/.test(s);

/**
 * Words with no jq syntax in them ("Task", "backstage-workflow", "Jira ticket
 * created") are literals without asking jq; anything else is tried as jq and
 * kept as a literal only if it does not compile — SonataFlow's rule for
 * function arguments.
 */
const PLAIN_TEXT = /^[^.$"()[\]{}|+*/=<>,]*$/;
const JSON_LITERAL = /^\s*(true|false|null|-?\d+(\.\d+)?)\s*$/;

/** Evaluates SonataFlow expressions of one instance with its `$WORKFLOW`/`$SECRET`/`$CONST`. */
export class ExpressionEvaluator {
  constructor(
    private readonly jq: JqEngine,
    private readonly variables: JqVariables,
  ) {}

  /** Expressions that only compiled after the jackson-jq rewrite, by original text. */
  private static readonly rewritten = new Map<string, string>();

  /** A filter, condition or expression function (must be valid jq, or jackson-jq style objects). */
  async evaluate(expr: string, data: unknown): Promise<unknown> {
    const program = stripExpression(expr);
    const known = ExpressionEvaluator.rewritten.get(program);
    if (known) return this.jq.evaluate(known, data, this.variables);
    try {
      return await this.jq.evaluate(program, data, this.variables);
    } catch (e) {
      const compat = parenthesizeObjectValues(program);
      if (!(e instanceof JqCompileError) || compat === program) throw e;
      try {
        const result = await this.jq.evaluate(compat, data, this.variables);
        ExpressionEvaluator.rewritten.set(program, compat);
        return result;
      } catch (second) {
        throw second instanceof JqCompileError ? e : second;
      }
    }
  }

  /** A switch condition: jq truthiness (everything but false and null). */
  async condition(expr: string, data: unknown): Promise<boolean> {
    const v = await this.evaluate(expr, data);
    return v !== false && v !== null && v !== undefined;
  }

  /** Function arguments: strings that are expressions are evaluated, the rest kept. */
  async arguments(value: unknown, data: unknown): Promise<unknown> {
    if (typeof value === 'string') return this.argumentString(value, data);
    if (Array.isArray(value)) {
      return Promise.all(value.map(v => this.arguments(v, data)));
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = await this.arguments(v, data);
      }
      return out;
    }
    return value;
  }

  private async argumentString(value: string, data: unknown) {
    if (isWrapped(value)) return this.evaluate(value, data);
    if (PLAIN_TEXT.test(value) && !JSON_LITERAL.test(value)) return value;
    try {
      return await this.evaluate(value, data);
    } catch (e) {
      if (e instanceof JqCompileError) return value;
      throw e;
    }
  }
}
