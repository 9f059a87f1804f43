import useMediaQuery from '@mui/material/useMediaQuery';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { workflowInstanceRouteRef } from '../../routes';

/** Windows this narrow show a run id by its start, so status and time stay in view. */
export const NARROW_WINDOW = '(max-width: 900px)';
/** Enough to tell runs apart, and what the runs search finds a run by. */
export const SHORT_ID_LENGTH = 8;

/** A run's id linked to its page; whole in wide windows, its first characters in narrow ones. */
export const RunIdLink = ({ id }: { id: string }) => {
  const instanceLink = useRouteRef(workflowInstanceRouteRef);
  const narrow = useMediaQuery(NARROW_WINDOW);
  const short = narrow && id.length > SHORT_ID_LENGTH + 1;
  return (
    <Link
      to={instanceLink({ instanceId: id })}
      data-testid="run-link"
      // the whole id stays the link's name for screen readers and its tooltip
      title={short ? id : undefined}
      aria-label={short ? id : undefined}
    >
      {short ? `${id.slice(0, SHORT_ID_LENGTH)}…` : id}
    </Link>
  );
};
