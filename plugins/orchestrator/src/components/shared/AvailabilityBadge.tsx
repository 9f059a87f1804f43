import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';

/** "Available" / "Unavailable" with the probe's reason visible, not only on hover. */
export const AvailabilityBadge = ({
  isAvailable,
  reason,
}: {
  isAvailable?: boolean;
  reason?: string;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  if (isAvailable === undefined) {
    return <StatusPending>{t('availability.unknown')}</StatusPending>;
  }
  if (isAvailable) {
    return (
      <span data-testid="availability" data-available="true">
        <StatusOK>{t('availability.available')}</StatusOK>
      </span>
    );
  }
  return (
    <Tooltip title={reason ?? t('availability.noAnswer')}>
      <span data-testid="availability" data-available="false">
        <StatusError>{t('availability.unavailable')}</StatusError>
        {reason && (
          // table cells keep to one line; a long probe reason may wrap here
          <Typography
            variant="caption"
            color="text.secondary"
            display="block"
            sx={{ whiteSpace: 'normal', maxWidth: 240 }}
          >
            {reason}
          </Typography>
        )}
      </span>
    </Tooltip>
  );
};
