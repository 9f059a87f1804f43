import type { OrchestratorFormContextProps } from '@orchestrator-suite/backstage-plugin-orchestrator-form-api';

export type { WidgetServices } from './useWidgetServices';

/**
 * The form context as widgets see it: every member may be missing when a
 * widget is rendered outside OrchestratorForm, so widgets call each optionally.
 */
export type WidgetFormContext = Partial<OrchestratorFormContextProps>;
