import { Route, Routes } from 'react-router-dom';
import { OrchestratorPage } from '../OrchestratorPage/OrchestratorPage';
import { WorkflowPage } from '../WorkflowPage/WorkflowPage';
import { ExecuteWorkflowPage } from '../ExecutePage/ExecuteWorkflowPage';
import { WorkflowInstancePage } from '../InstancePage/WorkflowInstancePage';

/**
 * Routes of the plugin, relative to where the host mounts `OrchestratorPage`
 * (the paths of the sub-route refs in routes.ts).
 */
export const Router = () => (
  <Routes>
    <Route path="/" element={<OrchestratorPage />} />
    <Route path="/workflows/:workflowId" element={<WorkflowPage />} />
    <Route
      path="/workflows/:workflowId/execute"
      element={<ExecuteWorkflowPage />}
    />
    <Route path="/instances/:instanceId" element={<WorkflowInstancePage />} />
  </Routes>
);
