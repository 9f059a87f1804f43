// The throwaway backend of a load-test host: Backstage's core plus the plugins RHDH runs beside
// the Orchestrator (scaffolder, notifications, signals, permission), and our exported packages
// loaded ONLY through dynamicPluginsFeatureLoader from `dynamicPlugins.rootDirectory`, as RHDH
// does. Copied into the host folder so every require resolves against that host's versions.
const { createBackend } = require('@backstage/backend-defaults');
const {
  dynamicPluginsFeatureLoader,
} = require('@backstage/backend-dynamic-feature-service');

const backend = createBackend();
backend.add(dynamicPluginsFeatureLoader);
backend.add(require('@backstage/plugin-scaffolder-backend'));
backend.add(require('@backstage/plugin-notifications-backend'));
backend.add(require('@backstage/plugin-signals-backend'));
backend.add(require('@backstage/plugin-permission-backend'));
backend.add(
  require('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.start();
