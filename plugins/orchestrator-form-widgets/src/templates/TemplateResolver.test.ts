import {
  ApiRef,
  createApiRef,
  githubAuthApiRef,
  microsoftAuthApiRef,
} from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import { TemplateResolver } from './TemplateResolver';

function holder(apis: Array<[ApiRef<unknown>, unknown]>) {
  const byId = new Map(apis.map(([ref, impl]) => [ref.id, impl]));
  return { get: (ref: ApiRef<unknown>) => byId.get(ref.id) as any };
}

const github = {
  getAccessToken: jest.fn(async () => 'gh-token'),
  getProfile: jest.fn(async () => ({
    email: 'jane@gh.test',
    displayName: 'Jane GH',
  })),
};
const microsoft = {
  getAccessToken: jest.fn(async () => 'ms-token'),
  getIdToken: jest.fn(async () => 'ms-id-token'),
};
const custom = { getAccessToken: jest.fn(async () => 'custom-token') };

const resolver = TemplateResolver.create({
  configApi: mockApis.config({
    data: { orchestrator: { 'rjsf-widgets': { greeting: 'Hello' } } },
  }),
  identityApi: mockApis.identity({
    userEntityRef: 'user:default/jane',
    token: 'backstage-token',
    email: 'jane@example.com',
    displayName: 'Jane Doe',
  }),
  apiHolder: holder([
    [githubAuthApiRef, github],
    [microsoftAuthApiRef, microsoft],
    [createApiRef({ id: 'my.custom.auth' }), custom],
  ]),
  backendBaseUrl: 'http://backstage.test',
});

const formData = { step1: { name: 'Marek', tags: ['a'] }, count: 2 };

describe('TemplateResolver', () => {
  beforeEach(() => jest.clearAllMocks());

  it('resolves every family', async () => {
    const keys = [
      'current.step1.name',
      'current.step1.tags',
      'current.count',
      'current.nope',
      'backend.baseUrl',
      'rjsfConfig.orchestrator.greeting',
      'rjsfConfig.orchestrator.unset',
      'identityApi.userEntityRef',
      'identityApi.profileEmail',
      'identityApi.displayName',
      'identityApi.token',
      'githubAuthApi.token',
      'githubAuthApi.profileEmail',
      'githubAuthApi.profileName',
      'microsoftAuthApi.openIdToken',
      'customAuthApi.my.custom.auth.token',
      'gitlabAuthApi.token',
      'fetch:response:name',
      'unknownFamily.key',
    ];
    expect(
      await resolver.resolve(keys, {
        formData,
        responseValues: { name: 'from response' },
        allowSecrets: true,
      }),
    ).toEqual({
      'current.step1.name': 'Marek',
      'current.step1.tags': ['a'],
      'current.count': 2,
      'current.nope': undefined,
      'backend.baseUrl': 'http://backstage.test',
      'rjsfConfig.orchestrator.greeting': 'Hello',
      'rjsfConfig.orchestrator.unset': undefined,
      'identityApi.userEntityRef': 'user:default/jane',
      'identityApi.profileEmail': 'jane@example.com',
      'identityApi.displayName': 'Jane Doe',
      'identityApi.token': 'backstage-token',
      'githubAuthApi.token': 'gh-token',
      'githubAuthApi.profileEmail': 'jane@gh.test',
      'githubAuthApi.profileName': 'Jane GH',
      'microsoftAuthApi.openIdToken': 'ms-id-token',
      'customAuthApi.my.custom.auth.token': 'custom-token',
      // not registered in this app
      'gitlabAuthApi.token': undefined,
      'fetch:response:name': 'from response',
      'unknownFamily.key': undefined,
    });
  });

  it('leaves credentials unresolved (and never asks for them) when secrets are off', async () => {
    const values = await resolver.resolve(
      ['identityApi.token', 'githubAuthApi.token', 'githubAuthApi.profileName'],
      { formData, allowSecrets: false },
    );
    expect(values).toEqual({
      'identityApi.token': undefined,
      'githubAuthApi.token': undefined,
      'githubAuthApi.profileName': 'Jane GH',
    });
    expect(github.getAccessToken).not.toHaveBeenCalled();
  });
});
