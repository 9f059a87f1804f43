import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import orchestratorPlugin, {
  orchestratorEntityContent,
  orchestratorPage,
} from './alpha';
import { orchestratorApiRef } from './api/OrchestratorApi';
import { overviewList, greetingOverview } from './__testUtils__/fixtures';
import { mockOrchestratorApi } from './__testUtils__/renderWithApis';

describe('alpha (new frontend system)', () => {
  it('is the orchestrator plugin with page, api and entity content', () => {
    expect(orchestratorPlugin.id).toBe('orchestrator');
    expect(orchestratorPlugin.getExtension('page:orchestrator')).toBeDefined();
    expect(orchestratorPlugin.getExtension('api:orchestrator')).toBeDefined();
    expect(
      orchestratorPlugin.getExtension('entity-content:orchestrator/workflows'),
    ).toBeDefined();
  });

  it('mounts the page at /orchestrator and resolves its sub-routes', async () => {
    const api = mockOrchestratorApi({
      getWorkflowsOverview: jest
        .fn()
        .mockResolvedValue(overviewList([greetingOverview])),
    });
    expect(
      createExtensionTester(orchestratorPage).get(coreExtensionData.routePath),
    ).toBe('/orchestrator');
    renderTestApp({
      features: [orchestratorPlugin],
      initialRouteEntries: ['/orchestrator'],
      apis: [
        [orchestratorApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ] as any,
    });
    expect(
      await screen.findByText('Greeting workflow', undefined, {
        timeout: 15000,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Greeting workflow' }),
    ).toHaveAttribute('href', '/orchestrator/workflows/greeting');
  }, 20000);

  it('puts the entity tab at /workflows', () => {
    const tester = createExtensionTester(orchestratorEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/workflows');
  });
});
