import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { Link as RouterLink } from 'react-router-dom';
import { InfoCard, MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  getNextWorkflows,
  getWorkflowResult,
  NextWorkflow,
  ProcessInstanceDTO,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorTranslationRef } from '../../translation';
import { useExecuteWorkflowLink } from '../shared/RunWorkflowButton';
import { OutputValue } from './OutputValue';

/** Suggestions under their (translated) heading; two sources can share one heading. */
function groupByLabel(
  suggestions: NextWorkflow[],
  labelOf: (s: NextWorkflow) => string,
) {
  const groups = new Map<string, NextWorkflow[]>();
  for (const s of suggestions) {
    const label = labelOf(s);
    groups.set(label, [...(groups.get(label) ?? []), s]);
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
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const executeLink = useExecuteWorkflowLink();
  const result = getWorkflowResult(instance.workflowdata);
  const next = getNextWorkflows(result);
  const outputs = result?.outputs ?? [];

  if (
    !result ||
    (!result.message && outputs.length === 0 && next.length === 0)
  ) {
    return (
      <InfoCard title={t('result.title')}>
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="result-empty"
        >
          {instance.state === 'ACTIVE' || instance.state === 'PENDING'
            ? t('result.notYet')
            : t('result.none')}
        </Typography>
      </InfoCard>
    );
  }

  return (
    <InfoCard title={t('result.title')}>
      <Box
        display="flex"
        flexDirection="column"
        gap={2}
        data-testid="instance-result"
      >
        {result.completedWith === 'error' && (
          <Alert severity="error">{t('result.completedWithError')}</Alert>
        )}
        {result.message && (
          <div data-testid="result-message">
            <MarkdownContent content={result.message} />
          </div>
        )}
        {outputs.length > 0 && (
          <Table
            size="small"
            aria-label={t('result.outputsLabel')}
            data-testid="result-outputs"
          >
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
        {groupByLabel(next, s => t(`result.groups.${s.source}`)).map(
          ([label, items]) => (
            <div key={label} data-testid="next-workflows">
              <Typography variant="subtitle2">{label}</Typography>
              <Box display="flex" flexWrap="wrap" gap={1} mt={1}>
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
          ),
        )}
      </Box>
    </InfoCard>
  );
};
