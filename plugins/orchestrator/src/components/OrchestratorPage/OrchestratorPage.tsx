import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Box from '@mui/material/Box';
import { useSearchParams } from 'react-router-dom';
import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { RunsTable } from '../RunsTable/RunsTable';
import { LoadProblemsNotice } from '../shared/LoadProblemsNotice';
import { WorkflowsTab } from './WorkflowsTab';

type TabId = 'workflows' | 'runs';

/**
 * The landing page: tabs Workflows and All runs, the tab kept in `?tab=` so links and reloads
 * keep it; above them, for admins, the workflows that failed to load.
 */
export const OrchestratorPage = () => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get('tab') === 'runs' ? 'runs' : 'workflows';
  const select = (next: TabId) =>
    setParams(next === 'workflows' ? {} : { tab: next }, { replace: true });

  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        <LoadProblemsNotice />
        <Tabs
          value={tab}
          onChange={(_e, value) => select(value)}
          indicatorColor="primary"
          aria-label={t('page.tabsLabel')}
        >
          <Tab
            value="workflows"
            label={t('page.tabWorkflows')}
            data-testid="tab-workflows"
          />
          <Tab value="runs" label={t('page.tabRuns')} data-testid="tab-runs" />
        </Tabs>
        <Box mt={2}>
          {tab === 'workflows' ? (
            <WorkflowsTab />
          ) : (
            <RunsTable scope={{ kind: 'all' }} title={t('page.tabRuns')} />
          )}
        </Box>
      </Content>
    </Page>
  );
};
