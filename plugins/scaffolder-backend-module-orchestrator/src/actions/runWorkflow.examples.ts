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
  {
    description:
      "Start a workflow that calls GitHub as the user (the token from the template's secrets, as the run form forwards it) and link to the run",
    example: yaml.dump({
      steps: [
        {
          id: 'onboard',
          action: 'orchestrator:workflow:run',
          name: 'Onboard',
          input: {
            workflow_id: 'repo-onboarding',
            target_entity: 'component:default/payments-api',
            parameters: { repo: '${{ parameters.repoUrl }}' },
            auth_tokens: [
              { provider: 'github', token: '${{ secrets.USER_OAUTH_TOKEN }}' },
            ],
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Workflow run',
            url: '${{ steps.onboard.output.instanceUrl }}',
          },
          {
            title: 'Component',
            url: '${{ steps.onboard.output.catalogEntityUrl }}',
          },
        ],
      },
    }),
  },
];
