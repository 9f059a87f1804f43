/**
 * Documents of the run index's backfill and reconcile. Literal text; every
 * value is a variable. Both select exactly the run index's columns (no
 * `nodes`, no `source`); `variables` carries the initiator and target entity.
 */

const RUN_INDEX_COLUMNS = /* GraphQL */ `
  fragment RunIndexColumns on ProcessInstance {
    id
    processId
    version
    state
    start
    end
    lastUpdate
    businessKey
    parentProcessInstanceId
    rootProcessInstanceId
    variables
  }
`;

/**
 * One page of the runs started at or after `$since`, oldest first. The scan's
 * cursor is the last `start` read plus how many rows it read at exactly that
 * time (`$offset`), so a page never restarts and a tie never loops.
 */
export const RUN_INDEX_PAGE = /* GraphQL */ `
  query OrchestratorRunIndexPage(
    $since: DateTime!
    $limit: Int!
    $offset: Int!
  ) {
    items: ProcessInstances(
      where: { start: { greaterThanEqual: $since } }
      orderBy: { start: ASC }
      pagination: { limit: $limit, offset: $offset }
    ) {
      ...RunIndexColumns
    }
  }
  ${RUN_INDEX_COLUMNS}
`;

/** A workflow's last run whatever its age, for workflows with no run in the window. */
export const RUN_INDEX_LAST_RUN = /* GraphQL */ `
  query OrchestratorRunIndexLastRun($workflowId: String!) {
    items: ProcessInstances(
      where: { processId: { equal: $workflowId } }
      orderBy: { start: DESC }
      pagination: { limit: 1, offset: 0 }
    ) {
      ...RunIndexColumns
    }
  }
  ${RUN_INDEX_COLUMNS}
`;
