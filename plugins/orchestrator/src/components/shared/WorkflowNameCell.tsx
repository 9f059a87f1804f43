import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { workflowRouteRef } from '../../routes';

const CLAMPED = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  overflowWrap: 'anywhere',
} as const;

/**
 * A workflow's name, linked to its page, over its description. Descriptions from real
 * workflow repositories run to paragraphs; at two lines a row stays a row in a narrow window,
 * and the whole text is the element's title.
 */
export const WorkflowNameCell = (props: {
  workflowId: string;
  name?: string;
  description?: string;
}) => {
  const workflowLink = useRouteRef(workflowRouteRef);
  return (
    <>
      <Link to={workflowLink({ workflowId: props.workflowId })}>
        {props.name || props.workflowId}
      </Link>
      {props.description && (
        <Typography
          variant="body2"
          color="text.secondary"
          title={props.description}
          sx={CLAMPED}
        >
          {props.description}
        </Typography>
      )}
    </>
  );
};
