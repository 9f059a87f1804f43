import { createBackend } from '@backstage/backend-defaults';
import { localPermissionPolicyModule } from './permission/module';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(
  import(
    '@orchestrator-suite/backstage-plugin-scaffolder-backend-module-orchestrator'
  ),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(localPermissionPolicyModule);

// The events bus carries signals between backend replicas (database-backed by default).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
// Run-form widgets fetch their data through the proxy (app-config `proxy.endpoints`).
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(
  import('@orchestrator-suite/backstage-plugin-orchestrator-backend'),
);
// Run logs from Loki (locally: the stand-in's Loki-compatible query_range, see app-config).
backend.add(
  import(
    '@orchestrator-suite/backstage-plugin-orchestrator-backend-module-loki'
  ),
);
// Serves the registered actions (the Orchestrator's `orchestrator.*` tools among them) to MCP
// clients at /api/mcp-actions/v1; which plugins' actions is `backend.actions.pluginSources`.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
