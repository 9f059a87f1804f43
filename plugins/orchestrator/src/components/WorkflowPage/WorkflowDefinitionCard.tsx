import { useMemo, useState } from 'react';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Alert from '@mui/material/Alert';
import { CodeSnippet, InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { parseWorkflowDefinition } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { orchestratorTranslationRef } from '../../translation';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';
import { WorkflowDiagram } from '../WorkflowDiagram/WorkflowDiagram';

function useParsed(
  source: string | undefined,
  format: 'yaml' | 'json' | undefined,
) {
  return useMemo(() => {
    if (!source) return {};
    try {
      return { definition: parseWorkflowDefinition(source, format).definition };
    } catch (e) {
      return { parseError: e as Error };
    }
  }, [source, format]);
}

/** The definition two ways: a diagram of its states, and its source text. */
export const WorkflowDefinitionCard = ({
  source,
  format,
  loading,
  error,
}: {
  source?: string;
  format?: 'yaml' | 'json';
  loading: boolean;
  error?: Error;
}) => {
  const { t } = useTranslationRef(orchestratorTranslationRef);
  const [view, setView] = useState<'diagram' | 'source'>('diagram');
  const { definition, parseError } = useParsed(source, format);
  let body;
  if (loading) body = <Progress />;
  else if (error)
    body = <ApiErrorPanel error={error} title={t('definition.loadError')} />;
  else if (!source)
    body = <Alert severity="info">{t('definition.missing')}</Alert>;
  else if (view === 'source') {
    body = (
      <div data-testid="workflow-source">
        <CodeSnippet
          language={format === 'json' ? 'json' : 'yaml'}
          text={source}
          showLineNumbers
          showCopyCodeButton
        />
      </div>
    );
  } else if (parseError || !definition) {
    body = (
      <Alert severity="warning" data-testid="diagram-error">
        {t('definition.cannotDraw', { message: parseError?.message ?? '' })}
      </Alert>
    );
  } else {
    body = <WorkflowDiagram definition={definition} />;
  }
  return (
    <InfoCard title={t('definition.title')}>
      <Tabs
        value={view}
        onChange={(_e, v) => setView(v)}
        indicatorColor="primary"
        aria-label={t('definition.viewLabel')}
      >
        <Tab value="diagram" label={t('definition.diagram')} />
        <Tab value="source" label={t('definition.source')} />
      </Tabs>
      {body}
    </InfoCard>
  );
};
