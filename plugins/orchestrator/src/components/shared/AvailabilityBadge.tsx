import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';

/** "Available" / "Unavailable" with the probe's reason visible, not only on hover. */
export const AvailabilityBadge = ({
  isAvailable,
  reason,
}: {
  isAvailable?: boolean;
  reason?: string;
}) => {
  if (isAvailable === undefined) {
    return <StatusPending>Unknown</StatusPending>;
  }
  if (isAvailable) {
    return (
      <span data-testid="availability" data-available="true">
        <StatusOK>Available</StatusOK>
      </span>
    );
  }
  return (
    <Tooltip title={reason ?? 'The workflow service did not answer'}>
      <span data-testid="availability" data-available="false">
        <StatusError>Unavailable</StatusError>
        {reason && (
          <Typography variant="caption" color="text.secondary" display="block">
            {reason}
          </Typography>
        )}
      </span>
    </Tooltip>
  );
};
