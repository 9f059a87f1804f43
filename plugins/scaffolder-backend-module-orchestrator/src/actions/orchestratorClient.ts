import { ResponseError } from '@backstage/errors';
import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  createOrchestratorClient,
  OrchestratorClient,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';

/** What the actions need to call the Orchestrator backend. @public */
export interface OrchestratorActionDeps {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * A client of the Orchestrator backend that acts on behalf of the template's initiator, so
 * runs are attributed to that user and the Orchestrator permissions apply to them.
 */
export async function orchestratorClientFor(
  deps: OrchestratorActionDeps,
  credentials: BackstageCredentials,
): Promise<OrchestratorClient> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'orchestrator',
  });
  return createOrchestratorClient({
    baseUrl: () => deps.discovery.getBaseUrl('orchestrator'),
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...init?.headers, Authorization: `Bearer ${token}` },
      }),
  });
}

/**
 * `ResponseError`'s own message is only the HTTP status; a template author needs the
 * backend's reason (for a 400, the field paths of the inputs that failed).
 */
export function withBackendReason(error: unknown): unknown {
  if (error instanceof ResponseError) {
    const reason = error.body?.error?.message;
    return new Error(
      `Orchestrator answered ${error.response.status}${
        reason ? `: ${reason}` : ''
      }`,
    );
  }
  return error;
}
