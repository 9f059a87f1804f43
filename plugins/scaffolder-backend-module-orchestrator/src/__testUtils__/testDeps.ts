import { mockServices } from '@backstage/backend-test-utils';
import { DiscoveryService } from '@backstage/backend-plugin-api';

export const ORCHESTRATOR_URL = 'http://orchestrator.test/api/orchestrator';

/** Action dependencies whose discovery points at the msw-served Orchestrator backend. */
export function testDeps() {
  const discovery: DiscoveryService = {
    getBaseUrl: async () => ORCHESTRATOR_URL,
    getExternalBaseUrl: async () => ORCHESTRATOR_URL,
  };
  return { discovery, auth: mockServices.auth() };
}
