import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import express from 'express';
import Router from 'express-promise-router';
import { registerActionRoutes } from './actions';
import { registerInstanceRoutes } from './instances';
import { HealthSources, healthDetails } from './health';
import { registerLogRoutes } from './logs';
import { requestErrorHandler, unknownRoute } from './requestErrors';
import type { RouterServices } from './types';
import { registerWorkflowRoutes } from './workflows';

/**
 * The plugin's HTTP surface: every operation of the OpenAPI document through
 * the router generated from it (requests validated before any handler runs),
 * plus `/health` outside the document.
 */
export function createRouter(
  services: RouterServices,
  options: {
    contentLengthLimit: string;
    config: RootConfigService;
    logger: LoggerService;
    /** Sources of `GET /health/details`; without them it reports unknown. */
    health?: HealthSources;
  },
): express.Router {
  const root = Router();
  // Liveness: the process answers. Readiness details are the next route.
  root.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  root.get('/health/details', (_req, res) => {
    res.json(
      healthDetails(
        options.health ?? {
          dataIndex: () => undefined,
          watcherEnabled: false,
          watcher: () => undefined,
        },
      ),
    );
  });

  // Parsed here, not inside the OpenAPI router, whose error transformer would turn a too
  // large body into a 400 sentence; requestErrorHandler answers it as a 413.
  root.use(express.json({ limit: options.contentLengthLimit }));
  const api = createValidatedOpenApiRouter<typeof spec>(spec, {
    // Not empty: an empty list would make it add its own body parser.
    middleware: [(_req, _res, next) => next()],
    validatorOptions: {
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: false,
        allErrors: true,
      },
    },
  });
  registerInstanceRoutes(api, services);
  registerLogRoutes(api, services);
  registerActionRoutes(api, services);
  registerWorkflowRoutes(api, services);
  root.use(api);
  root.use(unknownRoute());
  root.use(requestErrorHandler());
  // Our own error handler, so answers never carry a stack trace, whatever NODE_ENV says
  // (the host's default shows them in development); statuses are Backstage's usual mapping.
  root.use(
    MiddlewareFactory.create({
      config: options.config,
      logger: options.logger,
    }).error({ showStackTraces: false }),
  );
  return root;
}
