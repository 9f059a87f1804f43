/**
 * Data-driven widgets of the Orchestrator run form.
 *
 * @packageDocumentation
 */
export { orchestratorFormWidgetsPlugin, formWidgetsApi } from './plugin';
export { FormWidgetsApi } from './FormWidgetsApi';
/**
 * The name upstream's widgets plugin exports its factory under, so RHDH
 * configs written for it keep working.
 * @public
 */
export { formWidgetsApi as orchestratorFormApiFactory } from './plugin';
