import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  PROCESS_INSTANCE_STATUSES,
  ProcessInstanceStatusDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { STATUS_LABELS } from '../shared/StatusChip';
import { EMPTY_RUNS_FILTER, RunsFilterState } from './runsFilter';

export interface WorkflowChoice {
  id: string;
  name: string;
}

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
  workflows: WorkflowChoice[];
  showWorkflow: boolean;
  showRunBy: boolean;
}) => {
  const set = (patch: Partial<RunsFilterState>) =>
    onChange({ ...value, ...patch });
  const isEmpty = JSON.stringify(value) === JSON.stringify(EMPTY_RUNS_FILTER);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      data-testid="runs-filters"
    >
      <TextField
        select
        size="small"
        variant="outlined"
        label="Status"
        style={{ minWidth: 160 }}
        SelectProps={{
          multiple: true,
          renderValue: selected =>
            (selected as ProcessInstanceStatusDTO[])
              .map(s => STATUS_LABELS[s])
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
            {STATUS_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      {showWorkflow && (
        <TextField
          select
          size="small"
          variant="outlined"
          label="Workflow"
          style={{ minWidth: 180 }}
          value={value.workflowId}
          onChange={e => set({ workflowId: e.target.value })}
          inputProps={{ 'data-testid': 'filter-workflow' }}
        >
          <MenuItem value="">Any workflow</MenuItem>
          {workflows.map(w => (
            <MenuItem key={w.id} value={w.id}>
              {w.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        size="small"
        variant="outlined"
        type="date"
        label="Started from"
        InputLabelProps={{ shrink: true }}
        value={value.startedFrom}
        onChange={e => set({ startedFrom: e.target.value })}
        inputProps={{ 'data-testid': 'filter-started-from' }}
      />
      <TextField
        size="small"
        variant="outlined"
        type="date"
        label="Started to"
        InputLabelProps={{ shrink: true }}
        value={value.startedTo}
        onChange={e => set({ startedTo: e.target.value })}
        inputProps={{ 'data-testid': 'filter-started-to' }}
      />
      <TextField
        size="small"
        variant="outlined"
        label="Entity"
        placeholder="component:default/name"
        value={value.entity}
        onChange={e => set({ entity: e.target.value })}
        inputProps={{ 'data-testid': 'filter-entity' }}
      />
      {showRunBy && (
        <TextField
          size="small"
          variant="outlined"
          label="Run by"
          placeholder="user:default/name"
          value={value.runBy}
          onChange={e => set({ runBy: e.target.value })}
          inputProps={{ 'data-testid': 'filter-run-by' }}
        />
      )}
      {!isEmpty && (
        <Button size="small" onClick={() => onChange(EMPTY_RUNS_FILTER)}>
          Clear filters
        </Button>
      )}
    </Box>
  );
};
