import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/**
 * The Orchestrator backend plugin (plugin id `orchestrator`).
 * Step 1 wiring: health only; the API routes follow.
 */
export const orchestratorPlugin = createBackendPlugin({
  pluginId: 'orchestrator',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.use(express.json());
        router.get('/health', (_req, res) => {
          res.json({ status: 'ok' });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
