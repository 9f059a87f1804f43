/**
 * The only field names and operators a request may use in filters and sorting.
 * Anything else is a 400: request text never becomes part of a query, and the
 * filter value itself is sent as a typed variable (see filterBuilder.ts).
 */

/** How a field filters, i.e. which Data Index `…Argument` input type it has. */
export type FieldKind =
  | 'id'
  | 'string'
  | 'date'
  | 'state'
  | 'stringArray'
  | 'json';

export type FilterOperator =
  | 'EQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'IN'
  | 'IS_NULL'
  | 'LIKE'
  | 'BETWEEN';

/** REST operator -> Data Index argument key, per field kind. */
export const OPERATORS: Record<
  FieldKind,
  Partial<Record<FilterOperator, string>>
> = {
  id: { EQ: 'equal', IN: 'in', IS_NULL: 'isNull' },
  string: { EQ: 'equal', IN: 'in', LIKE: 'like', IS_NULL: 'isNull' },
  date: {
    EQ: 'equal',
    GT: 'greaterThan',
    GTE: 'greaterThanEqual',
    LT: 'lessThan',
    LTE: 'lessThanEqual',
    BETWEEN: 'between',
    IS_NULL: 'isNull',
  },
  state: { EQ: 'equal', IN: 'in' },
  stringArray: { EQ: 'contains', IN: 'containsAny', IS_NULL: 'isNull' },
  json: { EQ: 'equal', IN: 'in', LIKE: 'like', IS_NULL: 'isNull' },
};

export interface FilterTarget {
  /** Top-level fields of the `where` argument. */
  fields: Record<string, FieldKind>;
  /** `NestedFilter` parents and the children they allow. */
  nested: Record<string, Record<string, FieldKind>>;
  /** Fields `paginationInfo.orderBy` may name. */
  sortable: readonly string[];
  /** Fields the free-text `search` matches with LIKE. */
  searchable: readonly string[];
  /**
   * Id fields the search matches whole: the Data Index's IdArgument has only
   * `equal`/`in`/`isNull` (no LIKE), so a prefix is matched only through the
   * ids the caller found elsewhere (`buildSearch`'s `idsStartingWith`).
   */
  searchableIds?: readonly string[];
}

export const PROCESS_INSTANCE_TARGET: FilterTarget = {
  fields: {
    id: 'id',
    processId: 'string',
    processName: 'string',
    businessKey: 'string',
    createdBy: 'string',
    updatedBy: 'string',
    rootProcessId: 'string',
    parentProcessInstanceId: 'id',
    rootProcessInstanceId: 'id',
    state: 'state',
    start: 'date',
    end: 'date',
    lastUpdate: 'date',
  },
  nested: {
    variables: { initiatorEntity: 'json', targetEntity: 'json' },
    error: { message: 'string', nodeDefinitionId: 'string' },
  },
  sortable: [
    'processId',
    'processName',
    'state',
    'start',
    'end',
    'lastUpdate',
    'businessKey',
  ],
  searchable: ['processName', 'processId', 'businessKey'],
  searchableIds: ['id'],
};

export const PROCESS_DEFINITION_TARGET: FilterTarget = {
  fields: {
    id: 'string',
    name: 'string',
    version: 'string',
    description: 'string',
    type: 'string',
    serviceUrl: 'string',
    annotations: 'stringArray',
  },
  nested: {},
  sortable: ['id', 'name', 'version'],
  searchable: ['name', 'id', 'description'],
};
