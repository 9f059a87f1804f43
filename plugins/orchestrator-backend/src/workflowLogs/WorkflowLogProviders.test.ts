import type { WorkflowLogProvider } from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { DefaultWorkflowLogProviders } from './WorkflowLogProviders';

const provider = (id: string): WorkflowLogProvider => ({
  getProviderId: () => id,
  fetchWorkflowLogsByInstance: async instance => ({
    instanceId: instance.id,
    logs: [],
  }),
});
const chosen = (
  registered: WorkflowLogProvider[],
  options: { providerId?: string; configuredIds?: string[] } = {},
) =>
  DefaultWorkflowLogProviders.create({
    registered,
    providerId: options.providerId,
    configuredIds: options.configuredIds ?? [],
  })
    .select()
    .getProviderId();

describe('DefaultWorkflowLogProviders', () => {
  it('takes the only registered provider', () => {
    expect(chosen([provider('loki')])).toBe('loki');
  });

  it('takes the one providerId names among several', () => {
    expect(
      chosen([provider('loki'), provider('elastic')], {
        providerId: 'elastic',
      }),
    ).toBe('elastic');
  });

  it('takes the one configured under workflowLogProvider among several', () => {
    expect(
      chosen([provider('loki'), provider('elastic')], {
        configuredIds: ['loki'],
      }),
    ).toBe('loki');
  });

  it('sees providers registered after it was made (modules register during start)', () => {
    const registered: WorkflowLogProvider[] = [];
    const providers = DefaultWorkflowLogProviders.create({
      registered,
      configuredIds: [],
    });
    registered.push(provider('loki'));
    expect(providers.select().getProviderId()).toBe('loki');
  });

  it.each([
    [[], {}, /No workflow log provider is configured: install/],
    [
      ['loki'],
      { providerId: 'elastic' },
      /providerId names 'elastic', but no installed module registered it \(registered: loki\)/,
    ],
    [
      ['loki', 'elastic'],
      { configuredIds: ['loki', 'elastic'] },
      /Several workflow log providers are registered \(loki, elastic\): set orchestrator.workflowLogProvider.providerId/,
    ],
  ])(
    'answers 501 saying why with %j registered and %j',
    (ids, options, message) => {
      let thrown: Error | undefined;
      try {
        chosen(ids.map(provider), options);
      } catch (error) {
        thrown = error as Error;
      }
      expect(thrown?.name).toBe('NotImplementedError');
      expect(thrown?.message).toMatch(message);
    },
  );
});
