import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { LocalPermissionPolicy } from './LocalPermissionPolicy';

/** Installs {@link LocalPermissionPolicy}, configured under `permission.localPolicy`. */
export const localPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'local-policy',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig, policy: policyExtensionPoint },
      async init({ config, policy }) {
        policy.setPolicy(LocalPermissionPolicy.fromConfig(config));
      },
    });
  },
});
