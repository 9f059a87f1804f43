import Grid from '@mui/material/Grid';
import { useParams } from 'react-router-dom';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useWorkflowPageData } from '../../hooks/useWorkflowPageData';
import { orchestratorTranslationRef } from '../../translation';
import { RunWorkflowButton } from '../shared/RunWorkflowButton';
import { RunsTable } from '../RunsTable/RunsTable';
import { InputSchemaCard } from './InputSchemaCard';
import { WorkflowDefinitionCard } from './WorkflowDefinitionCard';
import { WorkflowDetailsCard, WorkflowStatsCard } from './WorkflowDetailsCard';
import { WorkflowLoadError } from './WorkflowLoadError';

/**
 * One workflow: details and stats (refreshed when its runs change), the
 * inputs it asks for, its definition as diagram and source, and its runs.
 */
export const WorkflowPage = () => {
  const { workflowId = '' } = useParams();
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const { overview, source, schema } = useWorkflowPageData(workflowId);

  const o = overview.value;
  let body;
  if (overview.loading) body = <Progress />;
  else if (!o)
    body = (
      <WorkflowLoadError
        workflowId={workflowId}
        error={overview.error ?? new Error(t('common.noAnswer'))}
      />
    );
  else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <WorkflowDetailsCard overview={o} />
        </Grid>
        <Grid item xs={12} md={4}>
          <WorkflowStatsCard
            stats={o.stats}
            statistics={o.statistics ?? o.stats?.statistics}
          />
        </Grid>
        <Grid item xs={12} lg={6}>
          <WorkflowDefinitionCard
            source={source.value}
            format={o.format}
            loading={source.loading}
            error={source.error}
          />
        </Grid>
        <Grid item xs={12} lg={6}>
          <InputSchemaCard
            schema={schema.value?.inputSchema}
            loading={schema.loading}
            error={schema.error}
          />
        </Grid>
        <Grid item xs={12}>
          <RunsTable
            scope={{ kind: 'workflow', workflowId }}
            title={t('workflow.runsTitle')}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={o?.name || workflowId}
        subtitle={o?.description}
        type={t('workflow.headerType')}
      >
        {o && (
          <RunWorkflowButton
            workflowId={workflowId}
            isAvailable={o.availability?.isAvailable ?? o.isAvailable}
            unavailableReason={o.availability?.reason}
            variant="contained"
          />
        )}
      </Header>
      <Content>{body}</Content>
    </Page>
  );
};
