import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useFormInternals } from './FormInternals';

/** Run, disabled with the reason shown while the run cannot start. */
export const RunButton = () => {
  const { controller } = useFormInternals();
  const { isExecuting, acquiring, busy, blockedReason } = controller;
  const { t } = useTranslationRef(orchestratorFormTranslationRef);
  let label: string = t('run.run');
  if (isExecuting) label = t('run.running');
  else if (acquiring) label = t('run.signingIn');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Button
        variant="contained"
        onClick={() => controller.handleExecute()}
        disabled={busy}
        data-testid="orchestrator-form-run"
        startIcon={
          isExecuting || acquiring ? <CircularProgress size={16} /> : undefined
        }
      >
        {label}
      </Button>
      {blockedReason && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="orchestrator-form-run-blocked"
        >
          {blockedReason}
        </Typography>
      )}
    </Box>
  );
};
