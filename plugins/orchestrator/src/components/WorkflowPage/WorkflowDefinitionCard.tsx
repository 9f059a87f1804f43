import { useMemo, useState } from 'react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Alert from '@material-ui/lab/Alert';
import { CodeSnippet, InfoCard, Progress } from '@backstage/core-components';
import { parseWorkflowDefinition } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
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
  const [view, setView] = useState<'diagram' | 'source'>('diagram');
  const { definition, parseError } = useParsed(source, format);
  let body;
  if (loading) body = <Progress />;
  else if (error)
    body = (
      <ApiErrorPanel error={error} title="Could not load the definition" />
    );
  else if (!source)
    body = <Alert severity="info">The definition is not available.</Alert>;
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
        The diagram cannot be drawn: {parseError?.message}
      </Alert>
    );
  } else {
    body = <WorkflowDiagram definition={definition} />;
  }
  return (
    <InfoCard title="Definition">
      <Tabs
        value={view}
        onChange={(_e, v) => setView(v)}
        indicatorColor="primary"
        aria-label="Definition view"
      >
        <Tab value="diagram" label="Diagram" />
        <Tab value="source" label="Source" />
      </Tabs>
      {body}
    </InfoCard>
  );
};
