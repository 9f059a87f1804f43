import { createTranslationResource } from '@backstage/core-plugin-api/alpha';
import { orchestratorFormTranslationRef } from '../translation';

/**
 * German and Spanish for the run form, loaded only when the user picks the
 * language. Register it in the app next to the Orchestrator's own.
 * @public
 */
export const orchestratorFormTranslations = createTranslationResource({
  ref: orchestratorFormTranslationRef,
  translations: {
    de: () => import('./de'),
    es: () => import('./es'),
  },
});
