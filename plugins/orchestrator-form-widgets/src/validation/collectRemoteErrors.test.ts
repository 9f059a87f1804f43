import { mockApis } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { markingFetchApi } from '../__testUtils__/renderWidgetForm';
import { WidgetRequester } from '../http/WidgetRequester';
import { TemplateResolver } from '../templates/TemplateResolver';
import {
  collectRemoteErrors,
  findValidatedFields,
} from './collectRemoteErrors';
import { validateField } from './validateField';

const { server, seen } = setupRecordingServer();
const requester = WidgetRequester.create({
  resolver: TemplateResolver.create({
    configApi: mockApis.config(),
    identityApi: mockApis.identity(),
    apiHolder: { get: () => undefined },
    backendBaseUrl: 'http://backstage.test',
  }),
  fetchApi: markingFetchApi(),
  policy: { backendBaseUrl: 'http://backstage.test', allowedHosts: [] },
});
const validateProps = (path: string) => ({
  'validate:url': `/api/proxy/validate/${path}`,
  'validate:method': 'POST',
  'validate:body': { value: `$\${{current.${path}}}` },
});

describe('validateField', () => {
  it('is valid on HTTP 200', async () => {
    server.use(
      http.post(
        'http://backstage.test/api/proxy/validate/name',
        () => new HttpResponse(null, { status: 200 }),
      ),
    );
    expect(
      await validateField(requester, validateProps('name'), {
        formData: { name: 'x' },
        fieldName: 'name',
      }),
    ).toEqual([]);
  });

  it('reads the field entry, else message, else the status, always as a list', async () => {
    const answers = [
      HttpResponse.json({ name: ['too short', 'taken'] }, { status: 422 }),
      HttpResponse.json({ name: 'single string' }, { status: 422 }),
      HttpResponse.json({ message: 'service says no' }, { status: 400 }),
      HttpResponse.text('boom', { status: 500 }),
    ];
    server.use(
      http.post('http://backstage.test/api/proxy/validate/name', () =>
        answers.shift(),
      ),
    );
    const run = () =>
      validateField(requester, validateProps('name'), {
        formData: { name: 'x' },
        fieldName: 'name',
      });
    expect(await run()).toEqual(['too short', 'taken']);
    expect(await run()).toEqual(['single string']);
    expect(await run()).toEqual(['service says no']);
    expect(await run()).toEqual(['Validation failed (HTTP 500)']);
  });

  it('reports a refused host as a field error without requesting it', async () => {
    const messages = await validateField(
      requester,
      { 'validate:url': 'https://evil.test/v' },
      { formData: {}, fieldName: 'name' },
    );
    expect(messages[0]).toMatch(
      /Validation could not run: .*evil\.test are not allowed/,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('collectRemoteErrors (getExtraErrors)', () => {
  const uiSchema = {
    name: { 'ui:widget': 'ActiveTextInput', 'ui:props': validateProps('name') },
    plain: { 'ui:widget': 'text' },
    step2: { city: { 'ui:props': validateProps('step2.city') } },
  };

  it('finds nested validated fields', () => {
    expect(findValidatedFields(uiSchema).map(f => f.path)).toEqual([
      ['name'],
      ['step2', 'city'],
    ]);
  });

  it('returns the messages in ErrorSchema shape at each field', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(
        'http://backstage.test/api/proxy/validate/:path',
        async ({ request, params }) => {
          bodies.push(await request.json());
          return params.path === 'name'
            ? HttpResponse.json({ name: ['Name is taken'] }, { status: 422 })
            : new HttpResponse(null, { status: 200 });
        },
      ),
    );
    const errors = await collectRemoteErrors({
      requester,
      formData: { name: 'jane', step2: { city: 'Brno' } },
      uiSchema,
    });
    expect(errors).toEqual({ name: { __errors: ['Name is taken'] } });
    expect(bodies).toEqual(
      expect.arrayContaining([{ value: 'jane' }, { value: 'Brno' }]),
    );
  });

  it('is undefined when every field passes', async () => {
    server.use(
      http.post(
        'http://backstage.test/api/proxy/validate/:path',
        () => new HttpResponse(null, { status: 200 }),
      ),
    );
    expect(
      await collectRemoteErrors({
        requester,
        formData: { name: 'a', step2: { city: 'b' } },
        uiSchema,
      }),
    ).toBeUndefined();
  });
});
