import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import { CopyButton } from '../shared/CopyButton';
import { JsonTree } from '../shared/JsonTree';

/**
 * A JSON value read-only, e.g. the inputs of a run or its variables: a
 * collapsible tree, because variables are often too long to read whole, and
 * a copy button for the full JSON.
 */
export const JsonCard = ({
  title,
  value,
  emptyText,
  testId,
}: {
  title: string;
  value: unknown;
  emptyText: string;
  testId: string;
}) => {
  const empty =
    value === undefined ||
    value === null ||
    (typeof value === 'object' && Object.keys(value as object).length === 0);
  return (
    <InfoCard title={title}>
      <div data-testid={testId}>
        {empty && (
          <Typography variant="body2" color="text.secondary">
            {emptyText}
          </Typography>
        )}
        {!empty && typeof value === 'object' && (
          <Box display="flex" alignItems="flex-start" gap={1}>
            <Box flex={1} minWidth={0}>
              <JsonTree
                value={value as Record<string, unknown>}
                label={title}
              />
            </Box>
            <CopyButton
              text={JSON.stringify(value, null, 2)}
              testId={`${testId}-copy`}
            />
          </Box>
        )}
        {!empty && typeof value !== 'object' && (
          <Typography variant="body2">{String(value)}</Typography>
        )}
      </div>
    </InfoCard>
  );
};
