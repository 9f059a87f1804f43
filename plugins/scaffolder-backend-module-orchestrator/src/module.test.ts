import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleOrchestrator } from './module';

describe('scaffolderModuleOrchestrator', () => {
  it('adds both actions through the extension point of the installed scaffolder-node', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleOrchestrator,
        mockServices.discovery.factory(),
      ],
    });
    const ids = addActions.mock.calls.flat().map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([
      'orchestrator:workflow:get_params',
      'orchestrator:workflow:run',
    ]);
  });
});
