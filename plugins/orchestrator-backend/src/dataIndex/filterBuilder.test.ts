import { InputError } from '@backstage/errors';
import { graphql } from 'graphql';
import {
  describeIfReference,
  loadDataIndexSchema,
} from '../__testUtils__/reference';
import {
  PROCESS_DEFINITION_TARGET,
  PROCESS_INSTANCE_TARGET,
} from './allowList';
import { INSTANCES_PAGE, DEFINITIONS_PAGE } from './documents';
import { allOf, buildSearch, buildWhere } from './filterBuilder';
import { instanceIdPrefixOf } from './ids';
import { resolvePagination } from './pagination';

const build = (filter: unknown) => buildWhere(PROCESS_INSTANCE_TARGET, filter);

describe('buildWhere', () => {
  it('maps field filters to Data Index argument keys', () => {
    expect(
      build({ field: 'processId', operator: 'EQ', value: 'greeting' }),
    ).toEqual({
      processId: { equal: 'greeting' },
    });
    expect(
      build({ field: 'state', operator: 'IN', value: ['active', 'ERROR'] }),
    ).toEqual({
      state: { in: ['ACTIVE', 'ERROR'] },
    });
    expect(
      build({
        field: 'start',
        operator: 'BETWEEN',
        value: ['2025-01-01', '2025-01-02T00:00:00Z'],
      }),
    ).toEqual({
      start: {
        between: {
          from: '2025-01-01T00:00:00.000Z',
          to: '2025-01-02T00:00:00.000Z',
        },
      },
    });
    expect(build({ field: 'end', operator: 'IS_NULL' })).toEqual({
      end: { isNull: true },
    });
  });

  it('maps logical and nested filters', () => {
    expect(
      build({
        operator: 'AND',
        filters: [
          {
            field: 'variables',
            nested: {
              field: 'initiatorEntity',
              operator: 'EQ',
              value: 'user:default/ann',
            },
          },
          {
            operator: 'NOT',
            filters: [{ field: 'state', operator: 'EQ', value: 'COMPLETED' }],
          },
          {
            operator: 'OR',
            filters: [{ field: 'processName', operator: 'LIKE', value: '*x*' }],
          },
        ],
      }),
    ).toEqual({
      and: [
        { variables: { initiatorEntity: { equal: 'user:default/ann' } } },
        { not: { state: { equal: 'COMPLETED' } } },
        { or: [{ processName: { like: '*x*' } }] },
      ],
    });
  });

  it.each([
    ['an unknown field', { field: 'source', operator: 'EQ', value: 'x' }],
    [
      'a field name carrying GraphQL',
      { field: 'id: {equal: "x"}}) { source } #', operator: 'EQ', value: 'x' },
    ],
    [
      'a prototype key as field',
      { field: '__proto__', operator: 'EQ', value: 'x' },
    ],
    [
      'an operator the field does not allow',
      { field: 'state', operator: 'LIKE', value: 'A*' },
    ],
    [
      'an operator carrying GraphQL',
      {
        field: 'processId',
        operator: 'equal: "x" } }) { variables',
        value: 'x',
      },
    ],
    [
      'an unknown logical operator',
      {
        operator: 'XOR',
        filters: [{ field: 'id', operator: 'EQ', value: 'a' }],
      },
    ],
    [
      'a state outside the enum',
      { field: 'state', operator: 'EQ', value: 'ACTIVE } } ) { variables' },
    ],
    [
      'a non-string value',
      { field: 'processId', operator: 'EQ', value: { equal: 'x' } },
    ],
    [
      'a non-date value',
      { field: 'start', operator: 'GT', value: 'yesterday"' },
    ],
    [
      'a nested field outside the allow-list',
      {
        field: 'variables',
        nested: { field: 'workflowdata', operator: 'EQ', value: 'x' },
      },
    ],
    [
      'a nested parent outside the allow-list',
      { field: 'nodes', nested: { field: 'name', operator: 'EQ', value: 'x' } },
    ],
    ['an empty IN list', { field: 'id', operator: 'IN', value: [] }],
  ])('rejects %s with a 400', (_name, filter) => {
    expect(() => build(filter)).toThrow(InputError);
  });

  it('keeps hostile values as plain string values', () => {
    const hostile = '"}) { variables } } query X { ProcessInstances { source';
    expect(
      build({ field: 'processId', operator: 'EQ', value: hostile }),
    ).toEqual({
      processId: { equal: hostile },
    });
  });

  it('bounds depth and size', () => {
    let deep: unknown = { field: 'id', operator: 'EQ', value: 'a' };
    for (let i = 0; i < 10; i++) deep = { operator: 'AND', filters: [deep] };
    expect(() => build(deep)).toThrow(/deeper/);
    const wide = {
      operator: 'OR',
      filters: Array.from({ length: 150 }, () => ({
        field: 'id',
        operator: 'EQ',
        value: 'a',
      })),
    };
    expect(() => build(wide)).toThrow(/more than/);
  });

  it('maps definition filters, including annotations', () => {
    expect(
      buildWhere(PROCESS_DEFINITION_TARGET, {
        field: 'annotations',
        operator: 'EQ',
        value: 'workflow-type/assessment',
      }),
    ).toEqual({ annotations: { contains: 'workflow-type/assessment' } });
  });

  it('builds search and combines parts', () => {
    expect(buildSearch(PROCESS_DEFINITION_TARGET, ' greet ')).toEqual({
      or: [
        { name: { like: '*greet*' } },
        { id: { like: '*greet*' } },
        { description: { like: '*greet*' } },
      ],
    });
    expect(
      buildSearch(
        PROCESS_INSTANCE_TARGET,
        '8f1c2a5e-0d4b-4f1e-9a77-3c2b1d0e9f10',
      ),
    ).toEqual({
      or: [
        { processName: { like: '*8f1c2a5e-0d4b-4f1e-9a77-3c2b1d0e9f10*' } },
        { processId: { like: '*8f1c2a5e-0d4b-4f1e-9a77-3c2b1d0e9f10*' } },
        { businessKey: { like: '*8f1c2a5e-0d4b-4f1e-9a77-3c2b1d0e9f10*' } },
        { id: { equal: '8f1c2a5e-0d4b-4f1e-9a77-3c2b1d0e9f10' } },
      ],
    });
    // text that cannot be an id is not compared with the id field
    expect(
      buildSearch(PROCESS_INSTANCE_TARGET, 'hello world')?.or,
    ).toHaveLength(3);
    expect(allOf(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(allOf({ a: 1 }, {}, { b: 2 })).toEqual({
      and: [{ a: 1 }, { b: 2 }],
    });
    expect(allOf()).toBeUndefined();
  });

  it('adds the run ids found by prefix next to the whole-id match, and only ids that start with the text', () => {
    expect(
      buildSearch(PROCESS_INSTANCE_TARGET, ' 8f1c2a5e ', {
        idsStartingWith: [
          '8f1c2a5e-0001',
          '8f1c2a5e-0002',
          '8f1c2a5e-0001',
          'ffff0000-widened',
        ],
      }),
    ).toEqual({
      or: [
        { processName: { like: '*8f1c2a5e*' } },
        { processId: { like: '*8f1c2a5e*' } },
        { businessKey: { like: '*8f1c2a5e*' } },
        { id: { equal: '8f1c2a5e' } },
        { id: { in: ['8f1c2a5e-0001', '8f1c2a5e-0002'] } },
      ],
    });
    // none found: no empty IN (the Data Index would match nothing with it, but say nothing)
    expect(
      buildSearch(PROCESS_INSTANCE_TARGET, '8f1c2a5e', { idsStartingWith: [] })
        ?.or,
    ).toHaveLength(4);
    // targets without id fields ignore them
    expect(
      buildSearch(PROCESS_DEFINITION_TARGET, 'greet', {
        idsStartingWith: ['greeting'],
      })?.or,
    ).toHaveLength(3);
  });

  it.each([
    ['8f1c2a5e', '8f1c2a5e'],
    ['  8f1c  ', '8f1c'],
    ['run_1.a:b-c', 'run_1.a:b-c'],
  ])('%j can be the start of a run id', (text, prefix) => {
    expect(instanceIdPrefixOf(text)).toBe(prefix);
  });

  it.each([
    ['fewer than 4 characters', '8f1'],
    ['two words', '8f1c 2a5e'],
    ['a wildcard', '8f1c*'],
    ['a character ids do not have', '8f1c%'],
    ['a first character ids do not start with', '-8f1c'],
    ['more characters than an id', 'x'.repeat(129)],
    ['a number', 42],
    ['no search', undefined],
  ])('%s: not the start of a run id', (_what, text) => {
    expect(instanceIdPrefixOf(text)).toBeUndefined();
  });
});

describe('resolvePagination', () => {
  const defaults = {
    pageSize: 20,
    orderBy: 'start',
    orderDirection: 'DESC' as const,
  };
  it('maps to variables and echoes', () => {
    expect(
      resolvePagination(
        PROCESS_INSTANCE_TARGET,
        {
          pageSize: 5,
          offset: 10,
          orderBy: 'processName',
          orderDirection: 'asc',
        },
        defaults,
      ),
    ).toEqual({
      pagination: { limit: 5, offset: 10 },
      orderBy: { processName: 'ASC' },
      echo: {
        pageSize: 5,
        offset: 10,
        orderBy: 'processName',
        orderDirection: 'ASC',
      },
    });
  });
  it.each([
    [{ orderBy: 'variables' }],
    [{ orderBy: 'start: DESC}) { source } #' }],
    [{ orderDirection: 'DESC } ) {' }],
    [{ pageSize: 0 }],
    [{ pageSize: 100000 }],
    [{ offset: -1 }],
  ])('rejects %j', request => {
    expect(() =>
      resolvePagination(PROCESS_INSTANCE_TARGET, request as any, defaults),
    ).toThrow(InputError);
  });
});

describeIfReference('built filters against the real input types', () => {
  const schema = loadDataIndexSchema();

  it('every operator of every allow-listed instance field coerces as a ProcessInstanceArgument', async () => {
    const where = build({
      operator: 'AND',
      filters: [
        { field: 'id', operator: 'IN', value: ['a', 'b'] },
        { field: 'processName', operator: 'LIKE', value: '*x*' },
        { field: 'state', operator: 'IN', value: ['ACTIVE'] },
        {
          field: 'start',
          operator: 'BETWEEN',
          value: ['2025-01-01', '2025-02-01'],
        },
        { field: 'lastUpdate', operator: 'GTE', value: '2025-01-01' },
        { field: 'end', operator: 'IS_NULL', value: false },
        {
          field: 'variables',
          nested: {
            field: 'targetEntity',
            operator: 'EQ',
            value: 'component:default/x',
          },
        },
        {
          field: 'error',
          nested: { field: 'message', operator: 'LIKE', value: '*boom*' },
        },
        {
          operator: 'NOT',
          filters: [{ field: 'parentProcessInstanceId', operator: 'IS_NULL' }],
        },
      ],
    });
    const result = await graphql({
      schema,
      source: INSTANCES_PAGE,
      variableValues: {
        where,
        orderBy: { start: 'DESC' },
        pagination: { limit: 1, offset: 0 },
      },
    });
    expect(result.errors).toBeUndefined();
  });

  it('a search with run ids found by prefix coerces as a ProcessInstanceArgument', async () => {
    const result = await graphql({
      schema,
      source: INSTANCES_PAGE,
      variableValues: {
        where: buildSearch(PROCESS_INSTANCE_TARGET, '8f1c2a5e', {
          idsStartingWith: ['8f1c2a5e-0001'],
        }),
        orderBy: { start: 'DESC' },
        pagination: { limit: 1, offset: 0 },
      },
    });
    expect(result.errors).toBeUndefined();
  });

  it('a definition filter coerces as a ProcessDefinitionArgument', async () => {
    const where = buildWhere(PROCESS_DEFINITION_TARGET, {
      operator: 'OR',
      filters: [
        { field: 'annotations', operator: 'IN', value: ['a'] },
        { field: 'name', operator: 'EQ', value: 'n' },
      ],
    });
    const result = await graphql({
      schema,
      source: DEFINITIONS_PAGE,
      variableValues: { where },
    });
    expect(result.errors).toBeUndefined();
  });
});
