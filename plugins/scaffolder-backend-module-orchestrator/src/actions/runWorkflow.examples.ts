import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Start a workflow for the component being created and go on at once',
    example: yaml.dump({
      steps: [
        {
          id: 'provision',
          action: 'orchestrator:workflow:run',
          name: 'Provision',
          input: {
            workflow_id: 'greeting',
            target_entity: 'component:default/payments-api',
            parameters: { name: '${{ parameters.name }}', language: 'English' },
          },
        },
      ],
    }),
  },
  {
    description:
      'Start a workflow, wait up to ten minutes for it to end, and use its outputs in later steps',
    example: yaml.dump({
      steps: [
        {
          id: 'assess',
          action: 'orchestrator:workflow:run',
          name: 'Assess',
          input: {
            workflow_id: 'assessment',
            parameters: { projectName: 'payments', language: 'java' },
            wait: true,
            timeout_seconds: 600,
          },
        },
      ],
    }),
  },
];
