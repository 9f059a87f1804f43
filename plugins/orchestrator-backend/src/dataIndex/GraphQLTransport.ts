import { ServiceUnavailableError } from '@backstage/errors';
import { ClientError, GraphQLClient } from 'graphql-request';
import { readWithRetries } from '../reads/readWithRetries';
import { CircuitBreaker, DataIndexHealth } from './CircuitBreaker';
import { DataIndexQueryError } from './errors';
import type { WithWarnings } from './types';

export interface GraphQLTransportOptions {
  /** Base URL of the Data Index; GraphQL is served at `<url>/graphql`. */
  url: string;
  timeoutMs: number;
  /** Extra attempts for reads when the Data Index is unreachable. */
  readRetries: number;
  /** Injectable for tests and the benchmark's round-trip counter. */
  fetch?: typeof fetch;
  /** Consecutive failures that open the circuit. Default 3. */
  breakerThreshold?: number;
  /** First wait before a probe once open, doubling up to 60 s. Default 2000. */
  breakerCooldownMs?: number;
}

type GraphQLErrorLike = {
  message?: string;
  path?: readonly (string | number)[];
};

function messagesOf(errors: readonly GraphQLErrorLike[] | undefined): string[] {
  return (errors ?? []).map(e => {
    const where = e.path?.length ? ` (at ${e.path.join('.')})` : '';
    return `Data Index: ${e.message ?? 'unknown error'}${where}`;
  });
}

/**
 * One GraphQL round-trip under ONE deadline (`timeoutMs` for the whole read, retries
 * included), bounded retries for reads (never for mutations), identical concurrent reads
 * sharing one request, a circuit breaker while the Data Index is down, and the failure
 * mapping the API promises: unreachable -> 503 naming the Data Index, partial errors -> data
 * plus warnings.
 */
export class GraphQLTransport {
  private readonly client: GraphQLClient;
  private readonly baseUrl: string;
  private readonly inFlight = new Map<string, Promise<WithWarnings<any>>>();
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: GraphQLTransportOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.client = new GraphQLClient(`${this.baseUrl}/graphql`, {
      errorPolicy: 'all',
      fetch: ((input: any, init?: RequestInit) =>
        (options.fetch ?? globalThis.fetch)(input, init)) as typeof fetch,
    });
    this.breaker = new CircuitBreaker({
      threshold: options.breakerThreshold ?? 3,
      cooldownMs: options.breakerCooldownMs ?? 2_000,
      maxCooldownMs: 60_000,
    });
  }

  get url(): string {
    return this.baseUrl;
  }

  health(): DataIndexHealth {
    return this.breaker.health();
  }

  /** Identical concurrent reads (same document and variables) share one request. */
  read<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    const key = `${document}\u0000${JSON.stringify(variables)}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.readWithin<T>(document, variables).finally(() =>
      this.inFlight.delete(key),
    );
    this.inFlight.set(key, promise);
    return promise;
  }

  private async readWithin<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    return readWithRetries(
      signal => this.send<T>(document, variables, signal),
      {
        retries: this.options.readRetries,
        timeoutMs: this.options.timeoutMs,
        // Only "unreachable" is worth another try, and not once the breaker has opened.
        retryable: error =>
          error instanceof ServiceUnavailableError && !this.breaker.isOpen(),
      },
    );
  }

  /** Mutations are sent once: a retried abort or retry could act twice. */
  async mutate<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    return this.send<T>(
      document,
      variables,
      AbortSignal.timeout(this.options.timeoutMs),
    );
  }

  private async send<T>(
    document: string,
    variables: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<WithWarnings<T>> {
    if (!this.breaker.allow()) {
      throw new ServiceUnavailableError(
        `Data Index at ${
          this.baseUrl
        } is unreachable (failing fast after repeated failures; next check in ${Math.ceil(
          this.breaker.retryInMs() / 1000,
        )} s)`,
      );
    }
    let response: { data?: T | null; errors?: GraphQLErrorLike[] };
    try {
      response = (await this.client.rawRequest<T>({
        query: document,
        variables,
        signal,
      } as any)) as any;
    } catch (error) {
      const mapped = this.mapFailure(error);
      if (mapped instanceof ServiceUnavailableError)
        this.breaker.failure(mapped.message.replace(this.baseUrl, 'its URL'));
      else this.breaker.success(); // it answered: reachable
      throw mapped;
    }
    this.breaker.success();
    const warnings = messagesOf(response.errors);
    if (response.data === null || response.data === undefined) {
      throw new DataIndexQueryError(
        `Data Index at ${this.baseUrl} rejected the query: ${
          warnings.join('; ') || 'no data'
        }`,
        warnings,
      );
    }
    return { data: response.data, warnings };
  }

  private mapFailure(error: unknown): Error {
    if (error instanceof ClientError) {
      const { status, errors, data } = error.response as any;
      if (status < 500 && Array.isArray(errors) && errors.length && !data) {
        const messages = messagesOf(errors);
        return new DataIndexQueryError(
          `Data Index at ${this.baseUrl} rejected the query: ${messages.join(
            '; ',
          )}`,
          messages,
        );
      }
      return new ServiceUnavailableError(
        `Data Index at ${this.baseUrl} is unreachable (HTTP ${status})`,
      );
    }
    const name = (error as Error)?.name;
    const reason =
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${this.options.timeoutMs} ms`
        : (error as Error)?.message ?? 'network error';
    return new ServiceUnavailableError(
      `Data Index at ${this.baseUrl} is unreachable (${reason})`,
    );
  }
}
