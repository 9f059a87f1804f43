import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * Every text the run form itself shows, in English. Apps override single
 * messages with `createTranslationMessages` or add a language with
 * `createTranslationResource` (German and Spanish ship in `translations/`).
 * Field titles and help come from the workflow's schema and are not here.
 * @public
 */
export const orchestratorFormTranslationRef = createTranslationRef({
  id: 'plugin.orchestrator.form',
  messages: {
    step: {
      next: 'Next',
      back: 'Back',
      review: 'Review',
      defaultTitle: 'Input',
    },
    review: {
      showHidden: 'Show hidden fields',
      hiddenFlag: 'hidden',
      yes: 'Yes',
      no: 'No',
    },
    run: {
      run: 'Run',
      running: 'Running…',
      signingIn: 'Signing in…',
      invalidValues: 'Some values are not valid; see the list below.',
    },
    errors: {
      validationFailed: 'Validation failed: {{message}}',
    },
  },
});
