import { CustomErrorBase } from '@backstage/errors';

/**
 * The Data Index answered, but refused the whole document (no data at all).
 * A 502: the upstream service failed the request, not the caller.
 */
export class DataIndexQueryError extends CustomErrorBase {
  name = 'DataIndexQueryError' as const;
  readonly statusCode = 502;

  constructor(message: string, readonly graphQLMessages: string[]) {
    super(message);
  }

  /** True when the Data Index predates the `Count…` queries (before 10.1.0). */
  get lacksCountQueries(): boolean {
    return this.graphQLMessages.some(m =>
      /Count(ProcessInstances|ProcessDefinitions)/.test(m),
    );
  }
}
