import { useId } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import {
  PROCESS_INSTANCE_STATUSES,
  ProcessInstanceStatusDTO,
  WorkflowNameDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../../translation';
import { useStatusLabel } from '../shared/StatusChip';
import { EntityRefFilter } from './EntityRefFilter';
import {
  EMPTY_RUNS_FILTER,
  RunsFilterState,
  STARTED_RANGES,
  StartedRange,
} from './runsFilter';

// The kinds a run usually targets, and who starts runs.
const ENTITY_KINDS = ['Component', 'System', 'Resource', 'API'];
const RUN_BY_KINDS = ['User'];

/** Filter controls of the runs table; every change goes to the server. */
export const RunsFilters = ({
  value,
  onChange,
  workflows,
  showWorkflow,
  showRunBy,
}: {
  value: RunsFilterState;
  onChange: (value: RunsFilterState) => void;
  workflows: WorkflowNameDTO[];
  showWorkflow: boolean;
  showRunBy: boolean;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  // MUI ties a field's label to its input (and a select's listbox) by id;
  // without one the controls have no accessible name.
  const id = useId();
  const statusLabel = useStatusLabel();
  const set = (patch: Partial<RunsFilterState>) =>
    onChange({ ...value, ...patch });
  const isEmpty = JSON.stringify(value) === JSON.stringify(EMPTY_RUNS_FILTER);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gap={1.5}
      data-testid="runs-filters"
    >
      <TextField
        select
        size="small"
        variant="outlined"
        id={`${id}-status`}
        label={t('filters.status')}
        sx={{ minWidth: 160 }}
        SelectProps={{
          multiple: true,
          renderValue: selected =>
            (selected as ProcessInstanceStatusDTO[])
              .map(s => statusLabel(s))
              .join(', '),
        }}
        value={value.statuses}
        onChange={e =>
          set({
            statuses: e.target.value as unknown as ProcessInstanceStatusDTO[],
          })
        }
        inputProps={{ 'data-testid': 'filter-status' }}
      >
        {PROCESS_INSTANCE_STATUSES.map(s => (
          <MenuItem key={s} value={s}>
            {statusLabel(s)}
          </MenuItem>
        ))}
      </TextField>
      {showWorkflow && (
        <TextField
          select
          size="small"
          variant="outlined"
          id={`${id}-workflow`}
          label={t('filters.workflow')}
          sx={{ minWidth: 180 }}
          value={value.workflowId}
          onChange={e => set({ workflowId: e.target.value })}
          inputProps={{ 'data-testid': 'filter-workflow' }}
        >
          <MenuItem value="">{t('filters.anyWorkflow')}</MenuItem>
          {workflows.map(w => (
            <MenuItem key={w.id} value={w.id}>
              {w.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        size="small"
        variant="outlined"
        id={`${id}-started`}
        label={t('filters.started')}
        sx={{ minWidth: 150 }}
        value={value.startedRange}
        onChange={e => set({ startedRange: e.target.value as StartedRange })}
        inputProps={{ 'data-testid': 'filter-started' }}
      >
        {STARTED_RANGES.map(range => (
          <MenuItem key={range || 'any'} value={range}>
            {t(`filters.range.${range || 'any'}`)}
          </MenuItem>
        ))}
      </TextField>
      {value.startedRange === 'custom' && (
        <>
          <TextField
            size="small"
            variant="outlined"
            type="date"
            id={`${id}-startedFrom`}
            label={t('filters.startedFrom')}
            InputLabelProps={{ shrink: true }}
            value={value.startedFrom}
            onChange={e => set({ startedFrom: e.target.value })}
            inputProps={{ 'data-testid': 'filter-started-from' }}
          />
          <TextField
            size="small"
            variant="outlined"
            type="date"
            id={`${id}-startedTo`}
            label={t('filters.startedTo')}
            InputLabelProps={{ shrink: true }}
            value={value.startedTo}
            onChange={e => set({ startedTo: e.target.value })}
            inputProps={{ 'data-testid': 'filter-started-to' }}
          />
        </>
      )}
      <EntityRefFilter
        id={`${id}-entity`}
        label={t('filters.entity')}
        kinds={ENTITY_KINDS}
        value={value.entity}
        onChange={entity => set({ entity })}
        testId="filter-entity"
      />
      {showRunBy && (
        <EntityRefFilter
          id={`${id}-runBy`}
          label={t('filters.runBy')}
          kinds={RUN_BY_KINDS}
          value={value.runBy}
          onChange={runBy => set({ runBy })}
          testId="filter-run-by"
        />
      )}
      {!isEmpty && (
        <Button size="small" onClick={() => onChange(EMPTY_RUNS_FILTER)}>
          {t('filters.clear')}
        </Button>
      )}
    </Box>
  );
};
