import { DataIndexStore } from '../../store/DataIndexStore';
import { RestTargets } from '../functions/openApiCall';
import { JqEngine } from '../jq/JqEngine';
import { LoadedWorkflow } from '../loader/loadWorkflows';

/** @public */
export interface WorkflowRuntimeOptions {
  store: DataIndexStore;
  workflows: LoadedWorkflow[];
  jq: JqEngine;
  /** The workflow services' base URL (each ProcessDefinition's serviceUrl). */
  serviceUrl: string;
  rest?: RestTargets;
  secrets?: Record<string, unknown>;
  log?: (instanceId: string, level: string, message: string) => void;
  onStart?: () => void;
  /** Multiplies every timer (sleeps, retry delays, event and execution timeouts, mock delays); default 1. */
  timeScale?: number;
}

/** Body of `POST /{workflowId}`: `{ workflowdata, initiatorEntity, targetEntity }` or a plain input object. @public */
export type StartBody = Record<string, unknown>;
