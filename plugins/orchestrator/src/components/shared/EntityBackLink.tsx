import Button from '@mui/material/Button';
import ArrowBack from '@mui/icons-material/ArrowBack';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { orchestratorTranslationRef } from '../../translation';

/**
 * The way back to the catalog entity a run is for. A run started from an
 * entity's Workflows tab otherwise ends on Orchestrator pages with no route
 * back to where the user came from.
 */
export const EntityBackLink = ({ entityRef }: { entityRef?: string }) => {
  const entityRoute = useRouteRef(entityRouteRef);
  const { t } = useTranslationRef(orchestratorTranslationRef);
  if (!entityRef) return null;
  let entity;
  try {
    entity = parseEntityRef(entityRef);
  } catch {
    // a run's variables are user input; a bad ref gets no link
    return null;
  }
  return (
    <Button
      component={Link}
      to={entityRoute(entityRouteParams(entity))}
      color="inherit"
      variant="outlined"
      size="small"
      startIcon={<ArrowBack />}
      data-testid="entity-back-link"
      sx={{ whiteSpace: 'nowrap' }}
    >
      {t('common.backToEntity', {
        entity: humanizeEntityRef(entity, { defaultKind: entity.kind }),
      })}
    </Button>
  );
};
