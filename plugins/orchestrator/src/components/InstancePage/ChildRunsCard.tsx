import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorApiRef } from '../../api/OrchestratorApi';
import { workflowInstanceRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { useRefreshable } from '../../hooks/useRefreshable';
import { StatusChip } from '../shared/StatusChip';

/**
 * Subflow runs started by this run. Rendered only when there are some; a
 * failure here must not hide the run itself, so errors are left out too.
 */
export const ChildRunsCard = ({
  instanceId,
  refreshKey,
}: {
  instanceId: string;
  refreshKey?: string;
}) => {
  const api = useApi(orchestratorApiRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const { value } = useRefreshable(
    () =>
      api.getInstances({
        paginationInfo: {
          pageSize: 50,
          offset: 0,
          orderBy: 'start',
          orderDirection: 'ASC',
        },
        filters: {
          field: 'parentProcessInstanceId',
          operator: 'EQ',
          value: instanceId,
        },
      }),
    [api, instanceId, refreshKey],
  );
  if (!value || value.items.length === 0) return null;
  return (
    <InfoCard
      title={t('instance.childRuns', { total: String(value.totalCount) })}
    >
      <List dense data-testid="child-runs">
        {value.items.map(child => (
          <ListItem key={child.id}>
            <ListItemText
              primary={
                <Link to={instanceLink({ instanceId: child.id })}>
                  {child.processName || child.processId}
                </Link>
              }
              secondary={child.id}
            />
            <StatusChip state={child.state} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
};
