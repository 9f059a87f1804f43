import { Route, Routes } from 'react-router-dom';
import { Router } from '../components/Router/Router';
import { renderWithApis, RenderOptions } from './renderWithApis';

/** Renders the plugin's own router at `/orchestrator`, as a host app mounts it. */
export function renderOrchestratorAt(
  path: string,
  options: Omit<RenderOptions, 'routeEntries'>,
) {
  return renderWithApis(
    <Routes>
      <Route path="/orchestrator/*" element={<Router />} />
    </Routes>,
    { ...options, routeEntries: [`/orchestrator${path}`] },
  );
}
