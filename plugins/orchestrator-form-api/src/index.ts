/**
 * Extension API of the Orchestrator run form.
 *
 * @packageDocumentation
 */
export * from './api';
export { DefaultFormApi } from './DefaultFormApi';
export { orchestratorAuthProviders, authProviderApiRef } from './authProviders';
