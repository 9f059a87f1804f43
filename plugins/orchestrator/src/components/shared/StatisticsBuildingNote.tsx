import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { RunStatisticsDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorTranslationRef } from '../../translation';

/**
 * A quiet line under run figures while the backend's run index is still being
 * built: the figures are real (read from the Data Index meanwhile), so this
 * is a caption, not a warning. Nothing when the index is ready or switched off.
 */
export const StatisticsBuildingNote = ({
  statistics,
  sx,
}: {
  statistics?: RunStatisticsDTO;
  sx?: SxProps<Theme>;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  if (!statistics?.building) return null;
  return (
    <Typography
      variant="caption"
      color="text.secondary"
      component="p"
      sx={sx}
      data-testid="statistics-building"
    >
      {t('statistics.building')}
    </Typography>
  );
};
