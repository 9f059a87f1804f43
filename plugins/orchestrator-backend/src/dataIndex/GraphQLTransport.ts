import { ServiceUnavailableError } from '@backstage/errors';
import { ClientError, GraphQLClient } from 'graphql-request';
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

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * One GraphQL round-trip with a timeout, bounded retries for reads (never for
 * mutations), and the failure mapping the API promises: unreachable -> 503
 * naming the Data Index, partial errors -> data plus warnings.
 */
export class GraphQLTransport {
  private readonly client: GraphQLClient;
  private readonly baseUrl: string;

  constructor(private readonly options: GraphQLTransportOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    const timeoutMs = options.timeoutMs;
    this.client = new GraphQLClient(`${this.baseUrl}/graphql`, {
      errorPolicy: 'all',
      fetch: ((input: any, init?: RequestInit) =>
        (options.fetch ?? globalThis.fetch)(input, {
          ...init,
          signal: AbortSignal.timeout(timeoutMs),
        })) as typeof fetch,
    });
  }

  get url(): string {
    return this.baseUrl;
  }

  async read<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(document, variables);
      } catch (error) {
        const retryable = error instanceof ServiceUnavailableError;
        if (!retryable || attempt >= this.options.readRetries) throw error;
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  /** Mutations are sent once: a retried abort or retry could act twice. */
  async mutate<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    return this.send<T>(document, variables);
  }

  private async send<T>(
    document: string,
    variables: Record<string, unknown>,
  ): Promise<WithWarnings<T>> {
    let response: { data?: T | null; errors?: GraphQLErrorLike[] };
    try {
      response = (await this.client.rawRequest<T>(document, variables)) as any;
    } catch (error) {
      throw this.mapFailure(error);
    }
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
