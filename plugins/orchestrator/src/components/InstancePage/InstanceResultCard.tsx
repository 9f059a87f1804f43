import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Link as RouterLink } from 'react-router-dom';
import { InfoCard, MarkdownContent } from '@backstage/core-components';
import {
  getNextWorkflows,
  getWorkflowResult,
  NextWorkflow,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { useExecuteWorkflowLink } from '../shared/RunWorkflowButton';
import { OutputValue } from './OutputValue';

function groupByLabel(suggestions: NextWorkflow[]) {
  const groups = new Map<string, NextWorkflow[]>();
  for (const s of suggestions) {
    groups.set(s.groupLabel, [...(groups.get(s.groupLabel) ?? []), s]);
  }
  return [...groups.entries()];
}

/**
 * What the workflow reported (`workflowdata.result`): its message as Markdown,
 * outputs by format, and the workflows it suggests next as launch links that
 * prefill from this run.
 */
export const InstanceResultCard = ({
  instance,
}: {
  instance: ProcessInstanceDTO;
}) => {
  const executeLink = useExecuteWorkflowLink();
  const result = getWorkflowResult(instance.workflowdata);
  const next = getNextWorkflows(result);
  const outputs = result?.outputs ?? [];

  if (
    !result ||
    (!result.message && outputs.length === 0 && next.length === 0)
  ) {
    return (
      <InfoCard title="Result">
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="result-empty"
        >
          {instance.state === 'ACTIVE' || instance.state === 'PENDING'
            ? 'The run has not reported a result yet.'
            : 'This run reported no result.'}
        </Typography>
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Result">
      <Box
        display="flex"
        flexDirection="column"
        style={{ gap: 16 }}
        data-testid="instance-result"
      >
        {result.completedWith === 'error' && (
          <Alert severity="error">
            The workflow reports that it completed with an error.
          </Alert>
        )}
        {result.message && (
          <div data-testid="result-message">
            <MarkdownContent content={result.message} />
          </div>
        )}
        {outputs.length > 0 && (
          <Table size="small" aria-label="Outputs" data-testid="result-outputs">
            <TableBody>
              {outputs.map(output => (
                <TableRow key={output.key}>
                  <TableCell component="th" scope="row">
                    {output.key}
                  </TableCell>
                  <TableCell>
                    <OutputValue output={output} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {groupByLabel(next).map(([label, items]) => (
          <div key={label} data-testid="next-workflows">
            <Typography variant="subtitle2">{label}</Typography>
            <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
              {items.map(item => (
                <Button
                  key={item.id}
                  size="small"
                  variant="outlined"
                  color="primary"
                  component={RouterLink}
                  to={executeLink(item.id, {
                    instanceId: instance.id,
                    targetEntity: instance.targetEntity,
                  })}
                  data-testid={`next-workflow-${item.id}`}
                >
                  {item.name}
                </Button>
              ))}
            </Box>
          </div>
        ))}
      </Box>
    </InfoCard>
  );
};
