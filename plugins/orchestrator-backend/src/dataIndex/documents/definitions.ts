/**
 * Process definition documents. Every value travels as a variable; the text of
 * each document is a constant (the tests validate each one against the real
 * Data Index schema and assert it never changes with the request).
 */

/** List columns: never `source` or `nodes`, which can be large. A fragment, so each document stays literal text. */
const DEFINITION_SUMMARY = /* GraphQL */ `
  fragment DefinitionSummary on ProcessDefinition {
    id
    name
    version
    type
    endpoint
    serviceUrl
    description
    annotations
    metadata
  }
`;

export const DEFINITIONS_PAGE = /* GraphQL */ `
  query OrchestratorDefinitionsPage(
    $where: ProcessDefinitionArgument
    $orderBy: ProcessDefinitionOrderBy
    $pagination: Pagination
  ) {
    items: ProcessDefinitions(
      where: $where
      orderBy: $orderBy
      pagination: $pagination
    ) {
      ...DefinitionSummary
    }
  }
  ${DEFINITION_SUMMARY}
`;

/** Page and total in one round-trip (Count… exists from Data Index 10.1.0). */
export const DEFINITIONS_PAGE_WITH_COUNT = /* GraphQL */ `
  query OrchestratorDefinitionsPageWithCount(
    $where: ProcessDefinitionArgument
    $orderBy: ProcessDefinitionOrderBy
    $pagination: Pagination
  ) {
    items: ProcessDefinitions(
      where: $where
      orderBy: $orderBy
      pagination: $pagination
    ) {
      ...DefinitionSummary
    }
    total: CountProcessDefinitions(where: $where)
  }
  ${DEFINITION_SUMMARY}
`;

export const DEFINITION_SOURCE = /* GraphQL */ `
  query OrchestratorDefinitionSource($id: String!) {
    items: ProcessDefinitions(where: { id: { equal: $id } }) {
      id
      source
    }
  }
`;
