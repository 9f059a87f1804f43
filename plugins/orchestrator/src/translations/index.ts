import { createTranslationResource } from '@backstage/core-plugin-api/alpha';
import { orchestratorTranslationRef } from '../translation';

/**
 * German and Spanish for the Orchestrator UI, loaded only when the user picks
 * the language. Register it in the app (`__experimentalTranslations` or the
 * new frontend's translation extension).
 * @public
 */
export const orchestratorTranslations = createTranslationResource({
  ref: orchestratorTranslationRef,
  translations: {
    de: () => import('./de'),
    es: () => import('./es'),
  },
});
