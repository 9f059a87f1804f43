import { Route, Routes } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { OrchestratorPage } from '../OrchestratorPage/OrchestratorPage';
import { WorkflowInstancePage } from '../InstancePage/WorkflowInstancePage';
import { ExecuteWorkflowPage } from '../ExecutePage/ExecuteWorkflowPage';

const Placeholder = ({ title }: { title: string }) => (
  <Page themeId="tool">
    <Header title={title} />
    <Content>{null}</Content>
  </Page>
);

/** Routes of the plugin, relative to where the host mounts `OrchestratorPage`. */
export const Router = () => (
  <Routes>
    <Route path="/" element={<OrchestratorPage />} />
    <Route
      path="/workflows/:workflowId"
      element={<Placeholder title="Workflow" />}
    />
    <Route
      path="/workflows/:workflowId/execute"
      element={<ExecuteWorkflowPage />}
    />
    <Route path="/instances/:instanceId" element={<WorkflowInstancePage />} />
  </Routes>
);
