import type { OrchestratorActionsContext } from './types';
import { registerInstanceActions } from './instanceActions';
import { registerLogActions } from './logActions';
import { registerWorkflowActions } from './workflowActions';

/**
 * Registers the Orchestrator actions (ids `orchestrator:<name>`, MCP tools
 * `orchestrator.<name>` through `@backstage/plugin-mcp-actions-backend`). Each runs with the
 * caller's credentials through the same service methods as the REST API.
 */
export function registerOrchestratorActions(
  context: OrchestratorActionsContext,
): void {
  registerWorkflowActions(context);
  registerInstanceActions(context);
  registerLogActions(context);
}
