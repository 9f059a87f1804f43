import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Read a workflow's input schema to generate a template's parameters",
    example: yaml.dump({
      steps: [
        {
          id: 'params',
          action: 'orchestrator:workflow:get_params',
          name: 'Read the workflow parameters',
          input: { workflow_id: 'greeting', indent: 2 },
        },
      ],
    }),
  },
];
