import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Box from '@material-ui/core/Box';
import { useSearchParams } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { RunsTable } from '../RunsTable/RunsTable';
import { WorkflowsTab } from './WorkflowsTab';

type TabId = 'workflows' | 'runs';

/** The landing page: tabs Workflows and All runs, the tab kept in `?tab=` so links and reloads keep it. */
export const OrchestratorPage = () => {
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get('tab') === 'runs' ? 'runs' : 'workflows';
  const select = (next: TabId) =>
    setParams(next === 'workflows' ? {} : { tab: next }, { replace: true });

  return (
    <Page themeId="tool">
      <Header
        title="Workflow Orchestrator"
        subtitle="Start, watch and recover serverless workflows"
      />
      <Content>
        <Tabs
          value={tab}
          onChange={(_e, value) => select(value)}
          indicatorColor="primary"
          aria-label="Orchestrator sections"
        >
          <Tab
            value="workflows"
            label="Workflows"
            data-testid="tab-workflows"
          />
          <Tab value="runs" label="All runs" data-testid="tab-runs" />
        </Tabs>
        <Box mt={2}>
          {tab === 'workflows' ? (
            <WorkflowsTab />
          ) : (
            <RunsTable scope={{ kind: 'all' }} title="All runs" />
          )}
        </Box>
      </Content>
    </Page>
  );
};
