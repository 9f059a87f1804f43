import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { assertAuthTokens } from './authTokens';
import { readWithRetries } from '../reads/readWithRetries';
import {
  WorkflowServiceError,
  WorkflowServiceTimeoutError,
  markNeverSent,
} from './errors';

/** Network errors raised before a connection existed: the request never reached the service. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Where a workflow's own service lives (from its ProcessDefinition). */
export interface WorkflowTarget {
  workflowId: string;
  serviceUrl: string;
}

export interface AuthToken {
  provider: string;
  token: string;
}

export interface StartRequest extends WorkflowTarget {
  inputs: JsonObject;
  initiatorEntity: string;
  targetEntity?: string;
  authTokens?: AuthToken[];
  /** Kept by the service on the run (`?businessKey=`), so a start can be found after a timeout. */
  businessKey?: string;
}

export interface ProbeResult {
  isAvailable: boolean;
  url: string;
  statusCode?: number;
  reason?: string;
}

/**
 * REST calls to a workflow's service (SonataFlow runtime), with timeouts.
 * Reads are retried once on network failures; start is never retried, since a
 * retried start could create two runs.
 */
export interface WorkflowRuntimeClient {
  /** Starts a run and returns its id as soon as the service answers. */
  start(request: StartRequest): Promise<{ id: string }>;
  abort(target: WorkflowTarget & { instanceId: string }): Promise<void>;
  retrigger(
    target: WorkflowTarget & { instanceId: string; authTokens?: AuthToken[] },
  ): Promise<JsonObject>;
  /** The `inputSchema` the service reports for the workflow, if any. */
  getInputSchema(target: WorkflowTarget): Promise<JsonObject | undefined>;
  probe(target: WorkflowTarget): Promise<ProbeResult>;
}

export interface WorkflowRuntimeClientOptions {
  timeoutMs?: number;
  /** A start may take longer than a read (the first node runs synchronously). */
  startTimeoutMs?: number;
  probeTimeoutMs?: number;
  fetch?: typeof fetch;
}

const enc = encodeURIComponent;

/** `github` -> `X-Authorization-Github`, the header SonataFlow workflows read. */
function authHeaders(tokens: AuthToken[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  // Checked again here: a caller of this client may not have gone through the services.
  for (const { provider, token } of assertAuthTokens(tokens) ?? []) {
    const name =
      provider.charAt(0).toUpperCase() + provider.slice(1).toLowerCase();
    headers[`X-Authorization-${name}`] = token;
  }
  return headers;
}

function isTimeout(error: unknown): boolean {
  const name = (error as Error)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function networkReason(error: unknown): string {
  const cause = (error as any)?.cause;
  return (
    cause?.code ??
    cause?.message ??
    (error as Error)?.message ??
    'network error'
  );
}

export class DefaultWorkflowRuntimeClient implements WorkflowRuntimeClient {
  static create(
    options: WorkflowRuntimeClientOptions = {},
  ): DefaultWorkflowRuntimeClient {
    return new DefaultWorkflowRuntimeClient(options);
  }

  private constructor(private readonly options: WorkflowRuntimeClientOptions) {}

  /** Resolved per call so test interceptors installed later still apply. */
  private fetchImpl(url: string, init: RequestInit): Promise<Response> {
    return (this.options.fetch ?? globalThis.fetch)(url, init);
  }

  async start(request: StartRequest): Promise<{ id: string }> {
    const url = `${base(request)}/${enc(request.workflowId)}${
      request.businessKey ? `?businessKey=${enc(request.businessKey)}` : ''
    }`;
    const body = {
      workflowdata: request.inputs,
      initiatorEntity: request.initiatorEntity,
      ...(request.targetEntity ? { targetEntity: request.targetEntity } : {}),
    };
    const answer = await this.call(
      request,
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...authHeaders(request.authTokens),
        },
        body: JSON.stringify(body),
      },
      this.options.startTimeoutMs ?? 30_000,
    );
    const id = (answer as JsonObject | undefined)?.id;
    if (typeof id !== 'string' || !id) {
      throw new WorkflowServiceError(
        `Workflow service of '${request.workflowId}' at ${request.serviceUrl} answered without an instance id`,
      );
    }
    return { id };
  }

  async abort(target: WorkflowTarget & { instanceId: string }): Promise<void> {
    const url = `${base(target)}/management/processes/${enc(
      target.workflowId,
    )}/instances/${enc(target.instanceId)}`;
    await this.call(target, url, { method: 'DELETE' }, this.timeout());
  }

  async retrigger(
    target: WorkflowTarget & { instanceId: string; authTokens?: AuthToken[] },
  ): Promise<JsonObject> {
    const url = `${base(target)}/management/processes/${enc(
      target.workflowId,
    )}/instances/${enc(target.instanceId)}/retrigger`;
    const answer = await this.call(
      target,
      url,
      {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          ...authHeaders(target.authTokens),
        },
      },
      this.timeout(),
    );
    return (
      answer && typeof answer === 'object' && !Array.isArray(answer)
        ? answer
        : {}
    ) as JsonObject;
  }

  async getInputSchema(
    target: WorkflowTarget,
  ): Promise<JsonObject | undefined> {
    const url = `${base(target)}/management/processes/${enc(
      target.workflowId,
    )}`;
    // A network failure is tried once more at once; a timeout or an answer is final.
    const answer = (await readWithRetries(
      signal =>
        this.call(
          target,
          url,
          { headers: { Accept: 'application/json' }, signal },
          this.timeout(),
        ),
      {
        retries: 1,
        timeoutMs: this.timeout(),
        retryable: error => error instanceof ServiceUnavailableError,
        backoffMs: () => 0,
      },
    )) as JsonObject | undefined;
    const schema = answer?.inputSchema;
    return schema &&
      typeof schema === 'object' &&
      !Array.isArray(schema) &&
      Object.keys(schema).length
      ? (schema as JsonObject)
      : undefined;
  }

  async probe(target: WorkflowTarget): Promise<ProbeResult> {
    const url = `${base(target)}/management/processes/${enc(
      target.workflowId,
    )}`;
    const timeoutMs = this.options.probeTimeoutMs ?? 3_000;
    try {
      const response = await this.fetchImpl(url, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain rather than cancel: cancelling a body can stall some fetch stacks.
      await response.arrayBuffer().catch(() => undefined);
      return response.ok
        ? { isAvailable: true, url, statusCode: response.status }
        : {
            isAvailable: false,
            url,
            statusCode: response.status,
            reason: `Workflow service answered HTTP ${response.status}`,
          };
    } catch (error) {
      const reason = isTimeout(error)
        ? `No answer within ${timeoutMs} ms`
        : `Workflow service unreachable: ${networkReason(error)}`;
      return { isAvailable: false, url, reason };
    }
  }

  private timeout() {
    return this.options.timeoutMs ?? 10_000;
  }

  private async call(
    target: WorkflowTarget,
    url: string,
    init: RequestInit,
    timeoutMs: number,
  ): Promise<unknown> {
    const who = `Workflow service of '${target.workflowId}' at ${target.serviceUrl}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        ...init,
        // A read's own deadline (shared by its retries) when it brings one.
        signal: init.signal ?? AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new WorkflowServiceTimeoutError(
          `${who} did not answer within ${timeoutMs} ms`,
        );
      }
      const unavailable = new ServiceUnavailableError(
        `${who} is unavailable: ${networkReason(error)}`,
      );
      if (NOT_CONNECTED.has((error as any)?.cause?.code))
        markNeverSent(unavailable);
      throw unavailable;
    }
    const text = await response.text();
    if (!response.ok) {
      // The service's own message helps (e.g. its validation); it never holds our inputs' secrets.
      const detail = text.slice(0, 300);
      if (response.status === 404)
        throw new NotFoundError(`${who} answered 404: ${detail}`);
      if (response.status === 400)
        throw new InputError(`${who} rejected the request: ${detail}`);
      if (response.status === 431)
        throw new InputError(
          `${who} refused the request headers as too large; send fewer or shorter authTokens`,
        );
      throw new WorkflowServiceError(`${who} answered HTTP ${response.status}`);
    }
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
}

function base(target: WorkflowTarget): string {
  return target.serviceUrl.replace(/\/+$/, '');
}
