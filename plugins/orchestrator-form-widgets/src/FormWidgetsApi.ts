import type {
  OrchestratorFormApi,
  OrchestratorFormDecorator,
} from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';
import { formWidgetsDecorator } from './FormWidgetsDecorator';

/**
 * The run form extension that adds the data-driven widgets; the review step
 * stays the form's own.
 * @public
 */
export class FormWidgetsApi implements OrchestratorFormApi {
  getFormDecorator(): OrchestratorFormDecorator {
    return formWidgetsDecorator;
  }
}
