import { createApiFactory, createPlugin } from '@backstage/core-plugin-api';
import { orchestratorFormApiRef } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { FormWidgetsApi } from './FormWidgetsApi';

/**
 * Registers {@link FormWidgetsApi} as the run form's extension. Also exported
 * on its own for RHDH's `apiFactories` config.
 * @public
 */
export const formWidgetsApi = createApiFactory({
  api: orchestratorFormApiRef,
  deps: {},
  factory: () => new FormWidgetsApi(),
});

/**
 * The widgets plugin. RHDH registers the API factories of plugin objects a
 * dynamic plugin's root module exports, so it needs no config.
 * @public
 */
export const orchestratorFormWidgetsPlugin = createPlugin({
  id: 'orchestrator-form-widgets',
  apis: [formWidgetsApi],
});
