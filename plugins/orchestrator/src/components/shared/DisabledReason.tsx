import { ReactElement } from 'react';
import Tooltip from '@mui/material/Tooltip';

/**
 * Wraps an action so that, when it is disabled, hovering or focusing it says
 * why. MUI tooltips need a non-disabled child to receive events, hence the span.
 */
export const DisabledReason = ({
  reason,
  children,
}: {
  reason?: string;
  children: ReactElement;
}) =>
  reason ? (
    <Tooltip title={reason}>
      <span data-testid="disabled-reason" aria-label={reason}>
        {children}
      </span>
    </Tooltip>
  ) : (
    children
  );
