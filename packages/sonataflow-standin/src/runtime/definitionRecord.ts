import { ProcessDefinitionRecord } from '../store/types';
import { LoadedWorkflow } from './loader/loadWorkflows';

/** The ProcessDefinition the Data Index holds once a workflow service has registered. */
export function toProcessDefinition(
  wf: LoadedWorkflow,
  serviceUrl: string,
): ProcessDefinitionRecord {
  const d = wf.definition;
  return {
    id: wf.id,
    name: d.name ?? wf.id,
    version: d.version,
    type: 'SW',
    serviceUrl,
    endpoint: `${serviceUrl}/${wf.id}`,
    description: d.description,
    annotations: d.annotations ?? [],
    metadata: { ...(d.metadata ?? {}) },
    source: wf.source,
    addons: ['process-management', 'source-files', 'jobs-management'],
    roles: [],
    nodes: wf.nodes.all,
  };
}
