import { Navigate, Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import {
  AlertDisplay,
  OAuthRequestDialog,
  SignInPage,
} from '@backstage/core-components';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { NotificationsPage } from '@backstage/plugin-notifications';
import { SignalsDisplay } from '@backstage/plugin-signals';
import { UserSettingsPage } from '@backstage/plugin-user-settings';
import {
  OrchestratorPage,
  orchestratorTranslations,
} from '@orchestrator-suite/backstage-plugin-orchestrator';
import { orchestratorFormTranslations } from '@orchestrator-suite/backstage-plugin-orchestrator-form-react';
import { orchestratorFormWidgetsPlugin } from '@orchestrator-suite/backstage-plugin-orchestrator-form-widgets';
import { apis } from './apis';
import { entityPage } from './components/catalog/EntityPage';
import { Root } from './components/Root';

const app = createApp({
  apis,
  // Mounts nothing: it registers the run form's widgets through the form API, as RHDH does
  // when it loads the widgets as their own dynamic plugin.
  plugins: [orchestratorFormWidgetsPlugin],
  // The Orchestrator and its run form speak English, German and Spanish; Settings picks the language.
  __experimentalTranslations: {
    availableLanguages: ['en', 'de', 'es'],
    resources: [orchestratorTranslations, orchestratorFormTranslations],
  },
  bindRoutes({ bind }) {
    bind(scaffolderPlugin.externalRoutes, {
      registerComponent: catalogPlugin.routes.catalogIndex,
    });
  },
  components: {
    SignInPage: props => <SignInPage {...props} auto providers={['guest']} />,
  },
});

const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route path="/catalog" element={<CatalogIndexPage />} />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route path="/create" element={<ScaffolderPage />} />
    <Route path="/orchestrator" element={<OrchestratorPage />} />
    <Route path="/notifications" element={<NotificationsPage />} />
    <Route path="/settings" element={<UserSettingsPage />} />
  </FlatRoutes>
);

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <SignalsDisplay />
    <AppRouter>
      <Root>{routes}</Root>
    </AppRouter>
  </>,
);
