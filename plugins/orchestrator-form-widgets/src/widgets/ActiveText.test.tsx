import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { BACKEND, renderWidgetForm } from '../__testUtils__/renderWidgetForm';

const { server } = setupRecordingServer();

describe('ActiveText', () => {
  it('renders Markdown with form, identity, config and fetched values', async () => {
    server.use(
      http.get(`${BACKEND}/api/proxy/course`, () =>
        HttpResponse.json({ data: { name: 'Kubernetes 101', seats: 12 } }),
      ),
    );
    await renderWidgetForm({
      formData: { student: 'Marek' },
      schema: {
        type: 'object',
        properties: {
          student: { type: 'string', title: 'Student' },
          info: {
            type: 'string',
            'ui:widget': 'ActiveText',
            'ui:props': {
              'fetch:url': '/api/proxy/course',
              'fetch:response:course': 'data.name',
              'fetch:response:seats': 'data.seats',
              'ui:variant': 'caption',
              'ui:text':
                '$${{rjsfConfig.orchestrator.greeting}} **$${{current.student}}** ($${{identityApi.displayName}}): $${{fetch:response:course}} has $${{fetch:response:seats}} seats. Token: [$${{identityApi.token}}]',
            },
          } as any,
        },
      },
    });
    const strong = await screen.findByText('Marek', { selector: 'strong' });
    const paragraph = strong.closest('p')!;
    expect(paragraph.textContent).toBe(
      'Hello Marek (Jane Doe): Kubernetes 101 has 12 seats. Token: []',
    );
    // credentials are never put on screen
    expect(document.body.textContent).not.toContain('backstage-token');
  });
});
