import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { workflowInstanceRouteRef } from '../../routes';
import { orchestratorTranslationRef } from '../../translation';
import { useChildRuns } from '../../hooks/useChildRuns';
import { StatusChip } from '../shared/StatusChip';

/** Subflow runs started by this run; rendered only when there are some. */
export const ChildRunsCard = ({
  instanceId,
  refreshKey,
}: {
  instanceId: string;
  refreshKey?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const value = useChildRuns(instanceId, refreshKey);
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
