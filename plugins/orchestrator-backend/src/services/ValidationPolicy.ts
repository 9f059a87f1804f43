import { parseWorkflowDefinition } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import type { DataIndexClient } from '../dataIndex/DataIndexClient';

/**
 * Whether a workflow's `dataInputSchema` says `failOnValidationErrors: false` (SonataFlow then
 * starts a run whose inputs do not match, and so do we, returning the problems as warnings).
 * Read from the definition's source, cached per workflow for `ttlMs` (a redeploy is rare and
 * being briefly stale only changes a warning into a 400 or back).
 */
export class ValidationPolicy {
  private readonly cache = new Map<string, { strict: boolean; at: number }>();

  static create(options: {
    dataIndex?: DataIndexClient;
    ttlMs?: number;
    now?: () => number;
  }) {
    return new ValidationPolicy(
      options.dataIndex,
      options.ttlMs ?? 60_000,
      options.now ?? Date.now,
    );
  }

  private constructor(
    private readonly dataIndex: DataIndexClient | undefined,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** True (SonataFlow's default) unless the definition says otherwise. */
  async failsOnValidationErrors(workflowId: string): Promise<boolean> {
    if (!this.dataIndex) return true;
    const hit = this.cache.get(workflowId);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.strict;
    const source = await this.dataIndex.getDefinitionSource(workflowId);
    let strict = true;
    try {
      strict = source
        ? parseWorkflowDefinition(source).dataInputSchema
            ?.failOnValidationErrors !== false
        : true;
    } catch {
      strict = true; // an unparsable source keeps the safe default
    }
    this.cache.set(workflowId, { strict, at: this.now() });
    return strict;
  }
}
