import { NotImplementedError } from '@backstage/errors';
import type { WorkflowLogProvider } from '@orchestrator-suite/backstage-plugin-orchestrator-node';

const NO_PROVIDER =
  'No workflow log provider is configured: install a log provider module (e.g. @orchestrator-suite/backstage-plugin-orchestrator-backend-module-loki) and set orchestrator.workflowLogProvider';

/** Picks the provider that answers `getWorkflowLogById` among those modules registered. */
export interface WorkflowLogProviders {
  /** The provider to ask; NotImplementedError (501) saying why when there is none to choose. */
  select(): WorkflowLogProvider;
}

export class DefaultWorkflowLogProviders implements WorkflowLogProviders {
  /**
   * `registered` is read at each call: modules add their providers during the backend's start,
   * after the plugin has registered its extension point but before any request.
   */
  static create(options: {
    registered: readonly WorkflowLogProvider[];
    /** `orchestrator.workflowLogProvider.providerId`. */
    providerId?: string;
    /** The keys under `orchestrator.workflowLogProvider` (e.g. `loki`). */
    configuredIds: readonly string[];
  }) {
    return new DefaultWorkflowLogProviders(
      options.registered,
      options.providerId,
      options.configuredIds,
    );
  }

  private constructor(
    private readonly registered: readonly WorkflowLogProvider[],
    private readonly providerId: string | undefined,
    private readonly configuredIds: readonly string[],
  ) {}

  select(): WorkflowLogProvider {
    const all = this.registered;
    if (this.providerId !== undefined) {
      const named = all.find(p => p.getProviderId() === this.providerId);
      if (named) return named;
      throw new NotImplementedError(
        `orchestrator.workflowLogProvider.providerId names '${
          this.providerId
        }', but no installed module registered it (registered: ${this.list()})`,
      );
    }
    if (all.length === 1) return all[0];
    if (all.length === 0) throw new NotImplementedError(NO_PROVIDER);
    const configured = all.filter(p =>
      this.configuredIds.includes(p.getProviderId()),
    );
    if (configured.length === 1) return configured[0];
    throw new NotImplementedError(
      `Several workflow log providers are registered (${this.list()}): set orchestrator.workflowLogProvider.providerId to one of them`,
    );
  }

  private list(): string {
    return this.registered.length
      ? this.registered.map(p => p.getProviderId()).join(', ')
      : 'none';
  }
}
