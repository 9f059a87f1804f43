import Alert from '@mui/material/Alert';

/** Partial failures the backend reported beside a valid answer: shown, never swallowed. */
export const WarningsBanner = ({ warnings }: { warnings?: string[] }) =>
  warnings && warnings.length > 0 ? (
    <Alert severity="warning" data-testid="partial-warnings">
      {warnings.map(w => (
        <div key={w}>{w}</div>
      ))}
    </Alert>
  ) : null;
