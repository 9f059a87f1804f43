/** @public */
export interface StandinStatsSnapshot {
  /** HTTP requests to /graphql (round-trips), including faulted ones. */
  graphqlRequests: number;
  /** Root fields asked for, e.g. `{ ProcessInstances: 3, CountProcessInstances: 1 }`. */
  graphqlFields: Record<string, number>;
  workflowServiceRequests: number;
  instancesStarted: number;
  since: string;
}

/** Counters read by benchmarks to print GraphQL round-trips. @public */
export class RequestStats {
  private graphqlRequests = 0;
  private graphqlFields: Record<string, number> = {};
  private workflowServiceRequests = 0;
  private instancesStarted = 0;
  private since = Date.now();

  static create() {
    return new RequestStats();
  }

  private constructor() {}

  countGraphqlRequest() {
    this.graphqlRequests++;
  }

  countGraphqlField(name: string) {
    this.graphqlFields[name] = (this.graphqlFields[name] ?? 0) + 1;
  }

  countWorkflowServiceRequest() {
    this.workflowServiceRequests++;
  }

  countInstanceStarted() {
    this.instancesStarted++;
  }

  snapshot(): StandinStatsSnapshot {
    return {
      graphqlRequests: this.graphqlRequests,
      graphqlFields: { ...this.graphqlFields },
      workflowServiceRequests: this.workflowServiceRequests,
      instancesStarted: this.instancesStarted,
      since: new Date(this.since).toISOString(),
    };
  }

  reset() {
    this.graphqlRequests = 0;
    this.graphqlFields = {};
    this.workflowServiceRequests = 0;
    this.instancesStarted = 0;
    this.since = Date.now();
  }
}
