import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { OrchestratorPage } from '../OrchestratorPage/OrchestratorPage';

// The Orchestrator page is where most visits start, so it comes with the router; the other
// pages load when first opened, which keeps the first page's JS to what it shows.
const WorkflowPage = lazy(() =>
  import('../WorkflowPage/WorkflowPage').then(m => ({
    default: m.WorkflowPage,
  })),
);
const ExecuteWorkflowPage = lazy(() =>
  import('../ExecutePage/ExecuteWorkflowPage').then(m => ({
    default: m.ExecuteWorkflowPage,
  })),
);
const WorkflowInstancePage = lazy(() =>
  import('../InstancePage/WorkflowInstancePage').then(m => ({
    default: m.WorkflowInstancePage,
  })),
);

/**
 * Routes of the plugin, relative to where the host mounts `OrchestratorPage`
 * (the paths of the sub-route refs in routes.ts).
 */
export const Router = () => (
  <Suspense fallback={<Progress />}>
    <Routes>
      <Route path="/" element={<OrchestratorPage />} />
      <Route path="/workflows/:workflowId" element={<WorkflowPage />} />
      <Route
        path="/workflows/:workflowId/execute"
        element={<ExecuteWorkflowPage />}
      />
      <Route path="/instances/:instanceId" element={<WorkflowInstancePage />} />
    </Routes>
  </Suspense>
);
