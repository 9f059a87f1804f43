import Chip, { ChipProps } from '@mui/material/Chip';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ProcessInstanceStatusDTO } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorTranslationRef } from '../../translation';

/** Theme colours by run state; aborted is neutral, neither success nor failure. */
const COLOR: Record<ProcessInstanceStatusDTO, ChipProps['color']> = {
  ACTIVE: 'info',
  ERROR: 'error',
  COMPLETED: 'success',
  ABORTED: 'default',
  SUSPENDED: 'warning',
  PENDING: 'warning',
};

/** The user-facing word for a run state ("Failed", not the Data Index's ERROR). */
export function useStatusLabel() {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  return (state: ProcessInstanceStatusDTO) => t(`status.${state}`) ?? state;
}

/** Coloured run state; `starting` is the moment between submit and the Data Index seeing the run. */
export const StatusChip = ({
  state,
  starting,
}: {
  state?: ProcessInstanceStatusDTO;
  starting?: boolean;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const label = useStatusLabel();
  if (!state) {
    return starting ? (
      <Chip
        size="small"
        label={t('status.starting')}
        data-testid="run-status"
      />
    ) : (
      <>—</>
    );
  }
  return (
    <Chip
      size="small"
      label={label(state)}
      color={COLOR[state] ?? 'default'}
      sx={
        state === 'ABORTED'
          ? { bgcolor: 'grey.600', color: 'common.white' }
          : undefined
      }
      data-testid="run-status"
      data-state={state}
    />
  );
};
