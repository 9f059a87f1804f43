import {
  createTranslationRef,
  type TranslationFunction,
} from '@backstage/core-plugin-api/alpha';

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
    auth: {
      noProvider:
        'No sign-in provider "{{provider}}" is configured in this Backstage app',
      failed: 'Signing in to {{provider}} failed: {{reason}}',
      noToken:
        'Signing in to {{provider}} did not give a token; the run needs one',
    },
    // {{field}} is the field's title ("Input" for an error of the whole form).
    validation: {
      required: '{{field}} is required',
      requiredWhen: '{{field}} is required when {{other}} is set',
      pattern: '{{field}} must look like {{pattern}}',
      minLength_one: '{{field}} must be at least {{count}} character long',
      minLength_other: '{{field}} must be at least {{count}} characters long',
      maxLength_one: '{{field}} must be at most {{count}} character long',
      maxLength_other: '{{field}} must be at most {{count}} characters long',
      minimum: '{{field}} must be {{limit}} or more',
      maximum: '{{field}} must be {{limit}} or less',
      exclusiveMinimum: '{{field}} must be more than {{limit}}',
      exclusiveMaximum: '{{field}} must be less than {{limit}}',
      multipleOf: '{{field}} must be a multiple of {{factor}}',
      minItems_one: '{{field}} needs at least {{count}} item',
      minItems_other: '{{field}} needs at least {{count}} items',
      maxItems_one: '{{field}} takes at most {{count}} item',
      maxItems_other: '{{field}} takes at most {{count}} items',
      uniqueItems: '{{field}} must not list the same item twice',
      minProperties_one: '{{field}} needs at least {{count}} entry',
      minProperties_other: '{{field}} needs at least {{count}} entries',
      maxProperties_one: '{{field}} takes at most {{count}} entry',
      maxProperties_other: '{{field}} takes at most {{count}} entries',
      format: '{{field}} must be {{format}}',
      enum: '{{field}} must be one of: {{values}}',
      const: '{{field}} must be {{value}}',
      type: '{{field}} must be {{type}}',
      oneOf: '{{field}} must match exactly one of the options',
      anyOf: '{{field}} must match one of the options',
      additionalProperties: '{{field}} does not accept "{{name}}"',
      invalid: '{{field}} is not valid',
      or: 'or',
    },
    // What a value must be, after "must be" ("must be an email address").
    formats: {
      email: 'an email address',
      url: 'a URL',
      uriReference: 'a URL or path',
      date: 'a date (YYYY-MM-DD)',
      dateTime: 'a date and time',
      time: 'a time',
      ipv4: 'an IPv4 address',
      ipv6: 'an IPv6 address',
      hostname: 'a host name',
      uuid: 'a UUID',
      other: 'a valid {{format}}',
    },
    types: {
      string: 'text',
      number: 'a number',
      integer: 'a whole number',
      boolean: 'yes or no',
      array: 'a list',
      object: 'a group of fields',
      null: 'empty',
    },
  },
});

/**
 * The form's translate function, `useTranslationRef(orchestratorFormTranslationRef).t`,
 * for what words texts outside React: validation messages, sign-in errors.
 * @public
 */
export type OrchestratorFormTranslate = TranslationFunction<
  typeof orchestratorFormTranslationRef.T
>;
