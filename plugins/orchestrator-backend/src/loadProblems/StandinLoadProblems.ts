import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  WorkflowLoadProblem,
  WorkflowLoadProblems,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';

/** The stand-in's admin endpoint, served beside its Data Index. */
export const STANDIN_PROBLEMS_PATH = '/__standin/problems';

export interface StandinLoadProblemsOptions {
  url: string;
  cacheSeconds: number;
  timeoutMs: number;
  logger: LoggerService;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The built-in source of load problems: the local stand-in's `GET /__standin/problems`.
 * A real SonataFlow Data Index has no such path (a workflow that does not build is never
 * deployed), so a 404, an unexpected answer or an unreachable host mean "none known": the
 * admin notice must never turn an outage into an error of its own. One answer is reused for
 * `cacheSeconds` (and concurrent callers share one request), so admin page views do not hit
 * the host each time.
 */
export class StandinLoadProblems implements WorkflowLoadProblems {
  private cached?: { at: number; value: Promise<WorkflowLoadProblem[]> };

  static create(options: StandinLoadProblemsOptions) {
    return new StandinLoadProblems(options);
  }

  private constructor(private readonly o: StandinLoadProblemsOptions) {}

  list(): Promise<WorkflowLoadProblem[]> {
    const now = (this.o.now ?? Date.now)();
    if (this.cached && now - this.cached.at < this.o.cacheSeconds * 1000) {
      return this.cached.value;
    }
    const value = this.read();
    this.cached = { at: now, value };
    return value;
  }

  private async read(): Promise<WorkflowLoadProblem[]> {
    const url = `${this.o.url}${STANDIN_PROBLEMS_PATH}`;
    try {
      // Looked up per call, so a fetch patched later (tests, instrumentation) is used.
      const res = await (this.o.fetch ?? globalThis.fetch)(url, {
        signal: AbortSignal.timeout(this.o.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) {
        // 404: not a stand-in, the normal case in production.
        if (res.status !== 404) {
          this.o.logger.debug(`load problems: ${url} answered ${res.status}`);
        }
        return [];
      }
      return problemsOf(await res.json());
    } catch (error) {
      this.o.logger.debug(`load problems: ${url} failed: ${error}`);
      return [];
    }
  }
}

/** Only well-formed entries: the answer comes from outside the backend. */
function problemsOf(body: unknown): WorkflowLoadProblem[] {
  const list = (body as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(list)) return [];
  const problems: WorkflowLoadProblem[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { workflowId, file, message } = item as Record<string, unknown>;
    if (typeof message !== 'string') continue;
    problems.push({
      ...(typeof workflowId === 'string' ? { workflowId } : {}),
      ...(typeof file === 'string' ? { file } : {}),
      message,
    });
  }
  return problems;
}
