// jq-wasm ships its Emscripten factory without types for this entry point.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const createJqModule: () => Promise<JqModule> = require('jq-wasm/dist/build/jq.js');

interface JqModule {
  raw(input: string, filter: string, flags: string[]): Promise<string>;
}

/** Variables every SonataFlow expression can read: `$WORKFLOW`, `$SECRET`, `$CONST`. @public */
export interface JqVariables {
  WORKFLOW?: Record<string, unknown>;
  SECRET?: Record<string, unknown>;
  CONST?: Record<string, unknown>;
}

/** A jq program that does not compile; callers may treat the text as a literal. @public */
export class JqCompileError extends Error {
  name = 'JqCompileError';
}

/** A jq program that failed while running (including `error("...")`). @public */
export class JqRuntimeError extends Error {
  name = 'JqRuntimeError';
}

/** Real jq (jq 1.7 compiled to WebAssembly) evaluating SonataFlow expressions. @public */
export interface JqEngine {
  /** Runs `filter` over `input`; one output is returned as is, several as an array, none as null. */
  evaluate(
    filter: string,
    input: unknown,
    variables?: JqVariables,
  ): Promise<unknown>;
}

/**
 * jq-wasm runs jq's `main()` once per call and the module's memory breaks after
 * roughly 300 runs (or after an error), so we swap in a fresh module
 * (about 10 ms) every RECYCLE_AFTER calls and after any failure. The input is
 * passed with `--argjson` because the module feeds stdin one byte at a time.
 */
const RECYCLE_AFTER = 200;

export class DefaultJqEngine implements JqEngine {
  private module: Promise<JqModule> | undefined;
  private calls = 0;

  static create(): DefaultJqEngine {
    return new DefaultJqEngine();
  }

  private constructor() {}

  private async instance(): Promise<JqModule> {
    if (!this.module || this.calls >= RECYCLE_AFTER) {
      this.module = createJqModule();
      this.calls = 0;
    }
    this.calls++;
    return this.module;
  }

  async evaluate(filter: string, input: unknown, variables: JqVariables = {}) {
    const flags = [
      '-c',
      '-n',
      '--argjson',
      '__input',
      JSON.stringify(input ?? null),
    ];
    for (const name of ['WORKFLOW', 'SECRET', 'CONST'] as const) {
      flags.push('--argjson', name, JSON.stringify(variables[name] ?? {}));
    }
    const module = await this.instance();
    let output: string;
    try {
      output = await module.raw('null', `$__input | (${filter}\n)`, flags);
    } catch (e) {
      this.module = undefined;
      throw this.toError(filter, (e as Error).message ?? String(e));
    }
    return parseOutputs(output);
  }

  private toError(filter: string, message: string): Error {
    if (/compile error|syntax error/.test(message)) {
      return new JqCompileError(
        `jq expression does not compile: ${filter}: ${firstLine(message)}`,
      );
    }
    return new JqRuntimeError(
      message.replace(/^jq: error \(at [^)]*\): /, '').trim(),
    );
  }
}

function firstLine(message: string) {
  return message.split('\n')[0].replace(/^jq: error: /, '');
}

function parseOutputs(output: string): unknown {
  const lines = output.split('\n').filter(l => l.length > 0);
  if (lines.length === 0) return null;
  const values = lines.map(l => JSON.parse(l));
  return values.length === 1 ? values[0] : values;
}
