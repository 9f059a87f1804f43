import {
  coreServices,
  createBackendPlugin,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  orchestratorDataIndexClientServiceRef,
  orchestratorRunStoreServiceRef,
  orchestratorWorkflowLoadProblemsServiceRef,
  WorkflowLogProvider,
  workflowLogsExtensionEndpoint,
} from '@orchestrator-suite/backstage-plugin-orchestrator-node';
import { findActionsRegistryServiceRef } from './actions/actionsRegistryRef';
import { createPortalLinks } from './actions/links';
import { registerOrchestratorActions } from './actions/registerActions';
import { readOrchestratorConfig } from './config';
import { openDatabase } from './database/migrations';
import { DefaultDataIndexClient } from './dataIndex/DataIndexClient';
import {
  fetchWithHeaders,
  readDataIndexHeaders,
} from './dataIndex/dataIndexHeaders';
import { orchestratorPermissionSet } from './permissions/permissionSet';
import {
  registerPermissions,
  registerWorkflowPermissions,
} from './permissions/register';
import { DefaultWorkflowAuthorizer } from './permissions/WorkflowAuthorizer';
import { DefaultLiveAdmins } from './liveAdmins/DefaultLiveAdmins';
import { LiveAdminRecordingAuthorizer } from './liveAdmins/LiveAdminRecordingAuthorizer';
import type { DataIndexHealth } from './dataIndex/CircuitBreaker';
import { createRouter } from './router/createRouter';
import { DefaultRunIdLookup } from './runStore/RunIdLookup';
import { DatabaseRunStore } from './runStore/RunStore';
import { RunStarts } from './runStore/RunStarts';
import { RunStarter } from './services/RunStarter';
import { wireRunIndex } from './runIndex/wiring';
import { DefaultWorkflowRuntimeClient } from './runtime/WorkflowRuntimeClient';
import { DefaultAvailabilityService } from './services/AvailabilityService';
import { DefaultDefinitionCache } from './services/DefinitionCache';
import { DefaultExecutionService } from './services/ExecutionService';
import { DefaultInputValidator } from './services/InputValidator';
import { DefaultInstanceAccess } from './services/InstanceAccess';
import { DefaultInstanceService } from './services/InstanceService';
import { DefaultLoadProblemsService } from './services/LoadProblemsService';
import { StandinLoadProblems } from './loadProblems/StandinLoadProblems';
import { DefaultWorkflowLogProviders } from './workflowLogs/WorkflowLogProviders';
import { DefaultWorkflowLogService } from './workflowLogs/WorkflowLogService';
import { DefaultWorkflowService } from './services/WorkflowService';
import { DefaultRunInputs } from './services/RunInputs';
import { DefaultInstanceWatcher } from './watcher/InstanceWatcher';
import { DatabaseWatcherCursorStore } from './watcher/WatcherCursorStore';

/**
 * The Orchestrator backend plugin (plugin id `orchestrator`). This file only
 * wires: clients talk to the outside, services hold the rules, routers speak HTTP.
 *
 * @public
 */
export const orchestratorPlugin = createBackendPlugin({
  pluginId: 'orchestrator',
  register(env) {
    // Absent on hosts older than the actions registry: the plugin then runs without actions.
    const actionsRegistryRef = findActionsRegistryServiceRef();
    // Filled by log provider modules (e.g. Loki) before init runs.
    const logProviders: WorkflowLogProvider[] = [];
    env.registerExtensionPoint(workflowLogsExtensionEndpoint, {
      addWorkflowLogProvider: (...providers) => {
        logProviders.push(...providers);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        signals: signalsServiceRef,
        notifications: notificationService,
        dataIndexClients: orchestratorDataIndexClientServiceRef,
        runStores: orchestratorRunStoreServiceRef,
        loadProblemSources: orchestratorWorkflowLoadProblemsServiceRef,
        ...((actionsRegistryRef
          ? { actionsRegistry: actionsRegistryRef }
          : {}) as { actionsRegistry: NonNullable<typeof actionsRegistryRef> }),
      },
      async init(deps) {
        const config = readOrchestratorConfig(deps.config);
        const permissionSet = orchestratorPermissionSet;
        registerPermissions(deps.permissionsRegistry, permissionSet);

        const dataIndexFetch = fetchWithHeaders(
          readDataIndexHeaders(deps.config),
        );
        const dataIndex = await deps.dataIndexClients.getClient({
          createDefaultClient: () =>
            DefaultDataIndexClient.create({
              ...config.dataIndex,
              logger: deps.logger,
              fetch: dataIndexFetch,
            }),
        });
        const loadProblemSource = await deps.loadProblemSources.getSource({
          createDefaultSource: () =>
            config.loadProblems.enabled
              ? StandinLoadProblems.create({
                  ...config.loadProblems,
                  timeoutMs: config.availability.probeTimeoutMs,
                  logger: deps.logger,
                  // The Data Index credentials go to the Data Index host only.
                  fetch:
                    config.loadProblems.url === config.dataIndex.url
                      ? dataIndexFetch
                      : undefined,
                })
              : { list: async () => [] },
        });
        const runtime = DefaultWorkflowRuntimeClient.create({
          ...config.workflowService,
          probeTimeoutMs: config.availability.probeTimeoutMs,
        });
        const knex = await openDatabase(deps.database);
        const runStore = await deps.runStores.getStore({
          createDefaultStore: () => DatabaseRunStore.create({ knex }),
        });
        const definitions = DefaultDefinitionCache.create({
          dataIndex,
          ttlSeconds: config.definitionsCacheSeconds,
        });
        // Startup reads the Data Index directly: warming the definition cache here would keep
        // workflows deployed in the next minutes out of it until its TTL.
        await registerWorkflowPermissions({
          registry: deps.permissionsRegistry,
          set: permissionSet,
          workflowIds: async () =>
            (
              await dataIndex.listDefinitions({ orderBy: { id: 'ASC' } })
            ).data.map(d => d.id),
          logger: deps.logger,
          waitMs: 3000,
        });
        const workflowAuthorizer = DefaultWorkflowAuthorizer.create({
          permissions: deps.permissions,
          permissionSet,
          // Deployed workflows are the candidates for the per-workflow permission names.
          workflowIds: async () => (await definitions.getAll()).keys(),
        });
        // Instance admins are ticked about others' runs only while requests show they are.
        const liveAdmins =
          config.instanceWatcher.enabled &&
          config.instanceWatcher.adminTicksTtlSeconds > 0
            ? DefaultLiveAdmins.create({
                knex,
                ttlSeconds: config.instanceWatcher.adminTicksTtlSeconds,
              })
            : undefined;
        const authorizer = liveAdmins
          ? LiveAdminRecordingAuthorizer.create({
              authorizer: workflowAuthorizer,
              liveAdmins,
              logger: deps.logger,
            })
          : workflowAuthorizer;
        const availability = DefaultAvailabilityService.create({
          runtime,
          ...config.availability,
        });
        const access = DefaultInstanceAccess.create({
          dataIndex,
          runStore,
          authorizer,
        });
        const validator = DefaultInputValidator.create({ logger: deps.logger });
        const runInputs = DefaultRunInputs.create({
          runtime,
          validator,
          access,
        });
        const runIndex = await wireRunIndex({
          config,
          knex,
          dataIndex,
          definitions,
          scheduler: deps.scheduler,
          logger: deps.logger,
        });

        const logProviderChoice = DefaultWorkflowLogProviders.create({
          registered: logProviders,
          ...config.workflowLogs,
        });
        reportLogProvider(logProviderChoice, deps);

        const starter = RunStarter.create({
          starts: RunStarts.create({ knex }),
          runStore,
          runtime,
          dataIndex,
          logger: deps.logger,
          startTimeoutMs: config.workflowService.startTimeoutMs,
        });
        const services = {
          httpAuth: deps.httpAuth,
          auditor: deps.auditor,
          workflows: DefaultWorkflowService.create({
            runInputs,
            dataIndex,
            definitions,
            runStore,
            authorizer,
            access,
            availability,
            durationSampleSize: config.durationSampleSize,
            availabilityListWaitMs: config.availability.listWaitMs,
            indexedStats: runIndex?.overview,
            sourceFormatTtlSeconds: config.definitionsCacheSeconds,
          }),
          instances: DefaultInstanceService.create({
            dataIndex,
            definitions,
            runStore,
            // The run index only while something keeps it current (wireRunIndex decides).
            runIds: DefaultRunIdLookup.create({ knex, runIndex: !!runIndex }),
            authorizer,
            access,
          }),
          execution: DefaultExecutionService.create({
            dataIndex,
            definitions,
            runtime,
            authorizer,
            access,
            validator,
            runInputs,
            starter,
          }),
          loadProblems: DefaultLoadProblemsService.create({
            source: loadProblemSource,
            authorizer,
          }),
          logs: DefaultWorkflowLogService.create({
            access,
            providers: logProviderChoice,
            timeoutMs: config.workflowLogs.timeoutMs,
          }),
        };
        let watcher: DefaultInstanceWatcher | undefined;
        const router = createRouter(services, {
          contentLengthLimit: config.contentLengthLimit,
          config: deps.config,
          logger: deps.logger,
          health: {
            // Only the default client knows its breaker; an adopter's client reports unknown.
            dataIndex: () =>
              (dataIndex as { health?: () => DataIndexHealth }).health?.(),
            watcherEnabled: config.instanceWatcher.enabled,
            watcher: () => watcher?.status(),
          },
        });
        deps.httpRouter.use(router);
        if (deps.actionsRegistry) {
          // The same services as the routes: one authorization and ownership path for both.
          registerOrchestratorActions({
            registry: deps.actionsRegistry,
            ...services,
            links: createPortalLinks(deps.config),
          });
        }

        if (config.instanceWatcher.enabled) {
          const tasked = DefaultInstanceWatcher.create({
            dataIndex,
            runStore,
            cursorStore: DatabaseWatcherCursorStore.create({ knex }),
            definitions,
            signals: deps.signals,
            notifications: deps.notifications,
            logger: deps.logger,
            batchSize: config.instanceWatcher.batchSize,
            initialLookbackMs: config.instanceWatcher.intervalSeconds * 1000,
            runIndex: runIndex?.sync,
            liveAdmins,
          });
          // Global scope: one replica runs it at a time (the scheduler's database lock decides).
          await deps.scheduler.scheduleTask({
            id: 'orchestrator-instance-watcher',
            scope: 'global',
            frequency: { seconds: config.instanceWatcher.intervalSeconds },
            timeout: {
              seconds: Math.max(
                60,
                config.instanceWatcher.intervalSeconds * 10,
              ),
            },
            fn: async () => {
              await tasked.tick();
            },
          });
          watcher = tasked;
        }
        // Starts whose answer was lost (timeout, crash) become a recorded run or nothing.
        await deps.scheduler.scheduleTask({
          id: 'orchestrator-start-sweep',
          scope: 'global',
          frequency: { seconds: 30 },
          timeout: { seconds: 60 },
          fn: async () => {
            const settled = await starter.sweep();
            if (settled.started || settled.failed) {
              deps.logger.info(
                `Unresolved starts settled: ${settled.started} recorded, ${settled.failed} made no run`,
              );
            }
          },
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

/** Says at start which provider answers for run logs, or why none will when one is configured. */
function reportLogProvider(
  choice: DefaultWorkflowLogProviders,
  deps: { config: RootConfigService; logger: LoggerService },
) {
  try {
    const provider = choice.select();
    deps.logger.info(`Workflow run logs from '${provider.getProviderId()}'`);
  } catch (error) {
    if (deps.config.has('orchestrator.workflowLogProvider')) {
      deps.logger.warn((error as Error).message);
    }
  }
}
