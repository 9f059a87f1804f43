import Typography from '@material-ui/core/Typography';
import { CodeSnippet, InfoCard } from '@backstage/core-components';

/** A JSON value read-only, e.g. the inputs of a run or its variables. */
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
        {empty ? (
          <Typography variant="body2" color="textSecondary">
            {emptyText}
          </Typography>
        ) : (
          <CodeSnippet
            language="json"
            text={JSON.stringify(value, null, 2)}
            showCopyCodeButton
          />
        )}
      </div>
    </InfoCard>
  );
};
