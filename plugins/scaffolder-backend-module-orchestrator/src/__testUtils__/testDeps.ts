import { mockServices } from '@backstage/backend-test-utils';
import { DiscoveryService } from '@backstage/backend-plugin-api';

export const ORCHESTRATOR_URL = 'http://orchestrator.test/api/orchestrator';
export const PORTAL_URL = 'http://portal.test';

/** Action dependencies whose discovery points at the msw-served Orchestrator backend. */
export function testDeps() {
  const discovery: DiscoveryService = {
    getBaseUrl: async () => ORCHESTRATOR_URL,
    getExternalBaseUrl: async () => ORCHESTRATOR_URL,
  };
  return {
    discovery,
    auth: mockServices.auth(),
    config: mockServices.rootConfig({ data: { app: { baseUrl: PORTAL_URL } } }),
  };
}
