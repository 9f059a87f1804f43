/**
 * Process instance documents. Filters, ordering and pagination are variables
 * of the schema's own input types, so no request value ever reaches the text.
 */

/** List columns: never `variables`, `nodes` or `source`. A fragment, so each document stays literal text. */
const INSTANCE_SUMMARY = /* GraphQL */ `
  fragment InstanceSummary on ProcessInstance {
    id
    processId
    processName
    version
    state
    start
    end
    lastUpdate
    endpoint
    serviceUrl
    businessKey
    parentProcessInstanceId
    rootProcessInstanceId
    error {
      nodeDefinitionId
      message
    }
  }
`;

export const INSTANCES_PAGE = /* GraphQL */ `
  query OrchestratorInstancesPage(
    $where: ProcessInstanceArgument
    $orderBy: ProcessInstanceOrderBy
    $pagination: Pagination
  ) {
    items: ProcessInstances(
      where: $where
      orderBy: $orderBy
      pagination: $pagination
    ) {
      ...InstanceSummary
    }
  }
  ${INSTANCE_SUMMARY}
`;

/** Page and total in one round-trip (Count… exists from Data Index 10.1.0). */
export const INSTANCES_PAGE_WITH_COUNT = /* GraphQL */ `
  query OrchestratorInstancesPageWithCount(
    $where: ProcessInstanceArgument
    $orderBy: ProcessInstanceOrderBy
    $pagination: Pagination
  ) {
    items: ProcessInstances(
      where: $where
      orderBy: $orderBy
      pagination: $pagination
    ) {
      ...InstanceSummary
    }
    total: CountProcessInstances(where: $where)
  }
  ${INSTANCE_SUMMARY}
`;

/** Everything the instance page shows, in one round-trip. */
export const INSTANCE_DETAILS = /* GraphQL */ `
  query OrchestratorInstanceDetails($id: String!) {
    items: ProcessInstances(where: { id: { equal: $id } }) {
      ...InstanceSummary
      executionSummary
      variables
      nodes {
        id
        name
        type
        enter
        exit
        definitionId
        nodeId
        errorMessage
      }
    }
  }
  ${INSTANCE_SUMMARY}
`;

/**
 * The watcher's one query per tick: instances whose `lastUpdate` is at or after the cursor,
 * minus those already handled at exactly the cursor's time, oldest first. The Data Index can
 * neither order by `id` nor compare ids, so the cursor is (`lastUpdate`, ids seen at it): the
 * exclusion is what lets the next page move past more than `limit` runs sharing one
 * `lastUpdate`. `$where` is built by the client from those two values only.
 * `variables` is selected here (not in lists) because terminal runs need the
 * initiator and the WorkflowResult message for their notification.
 */
export const INSTANCES_CHANGED_SINCE = /* GraphQL */ `
  query OrchestratorInstancesChangedSince(
    $where: ProcessInstanceArgument!
    $limit: Int!
  ) {
    items: ProcessInstances(
      where: $where
      orderBy: { lastUpdate: ASC }
      pagination: { limit: $limit, offset: 0 }
    ) {
      id
      processId
      processName
      state
      lastUpdate
      end
      businessKey
      rootProcessInstanceId
      # The run index's columns: it is fed from this query, not from another one.
      version
      start
      parentProcessInstanceId
      error {
        nodeDefinitionId
        message
      }
      variables
    }
  }
`;
