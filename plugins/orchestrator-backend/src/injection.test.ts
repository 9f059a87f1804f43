import { STATIC_DOCUMENTS } from './dataIndex/documents';
import { seedStandard } from './__testUtils__/fixtures';
import { Harness, allowAll, startHarness } from './__testUtils__/harness';

jest.setTimeout(30_000);

const API = '/api/orchestrator';
const HOSTILE = [
  '"}) { variables } }',
  "') OR 1=1 --",
  '{ id: { isNull: false } }',
  '$where',
  'greeting", where: {}) { source } #',
];

describe('injection attempts cannot change a query', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    seedStandard(h.standin);
    h.setPolicy(allowAll);
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.graphql.length = 0;
  });

  const post = (path: string, body: object) =>
    h.request.post(`${API}${path}`).set(h.asUser()).send(body);

  it.each([
    [
      'a field name with GraphQL in it',
      {
        filters: {
          field: 'id: {equal: "x"}}) { source } #',
          operator: 'EQ',
          value: 'x',
        },
      },
    ],
    [
      'an unknown field',
      { filters: { field: 'source', operator: 'EQ', value: 'x' } },
    ],
    [
      'a prototype key',
      { filters: { field: '__proto__', operator: 'EQ', value: 'x' } },
    ],
    [
      'a nested field outside the allow-list',
      {
        filters: {
          field: 'variables',
          nested: { field: 'workflowdata', operator: 'EQ', value: 'x' },
        },
      },
    ],
    [
      'a nested parent outside the allow-list',
      {
        filters: {
          field: 'nodes',
          nested: { field: 'name', operator: 'EQ', value: 'x' },
        },
      },
    ],
    [
      'an operator with GraphQL in it',
      {
        filters: {
          field: 'processId',
          operator: 'EQ } }) { source',
          value: 'x',
        },
      },
    ],
    [
      'an operator the field does not have',
      { filters: { field: 'state', operator: 'LIKE', value: '*' } },
    ],
    [
      'an enum value with GraphQL in it',
      {
        filters: {
          field: 'state',
          operator: 'EQ',
          value: 'ACTIVE } }) { variables',
        },
      },
    ],
    [
      'a value object instead of a scalar',
      {
        filters: { field: 'processId', operator: 'EQ', value: { equal: 'x' } },
      },
    ],
    [
      'a sort field with GraphQL in it',
      { paginationInfo: { orderBy: 'start: ASC }) { source } #' } },
    ],
    [
      'a sort field outside the allow-list',
      { paginationInfo: { orderBy: 'variables' } },
    ],
    [
      'a sort direction with GraphQL in it',
      { paginationInfo: { orderDirection: 'DESC } ) {' } },
    ],
    [
      'a logical operator outside the list',
      { filters: { operator: 'XOR', filters: [] } },
    ],
  ])('%s is a 400 and nothing is sent', async (_name, body) => {
    const res = await post('/v2/workflows/instances', body);
    expect(res.status).toBe(400);
    expect(h.graphql).toHaveLength(0);
  });

  it.each(HOSTILE)('the value %j travels only as a variable', async value => {
    const res = await post('/v2/workflows/instances', {
      search: value,
      filters: {
        operator: 'OR',
        filters: [
          { field: 'processId', operator: 'EQ', value },
          {
            field: 'variables',
            nested: { field: 'targetEntity', operator: 'IN', value: [value] },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const sent = h.graphql.find(g =>
      g.query.includes('OrchestratorInstancesPage'),
    )!;
    expect(sent.query).toBe(STATIC_DOCUMENTS.INSTANCES_PAGE_WITH_COUNT);
    expect(JSON.stringify(sent.variables)).toContain(
      JSON.stringify(value).slice(1, -1),
    );
  });

  it.each(HOSTILE)(
    'the overview search %j travels only as a variable',
    async value => {
      const res = await post('/v2/workflows/overview', { search: value });
      expect(res.status).toBe(200);
      expect(h.graphql[0].query).toBe(
        STATIC_DOCUMENTS.DEFINITIONS_PAGE_WITH_COUNT,
      );
    },
  );

  it.each([
    ['/v2/workflows/instances/x%22%29%7Bsource%7D'],
    ['/v2/workflows/instances/%20or%201'],
    ['/v2/workflows/gree%22ting/overview'],
    ['/v2/workflows/greeting/inputSchema?instanceId=a%22%7D'],
    ['/v2/workflows/greeting%7B/source'],
  ])('a hostile id in %s is a 400 and nothing is sent', async path => {
    const res = await h.request.get(`${API}${path}`).set(h.asUser());
    expect(res.status).toBe(400);
    expect(h.graphql).toHaveLength(0);
  });

  it('a hostile id in a bulk body is rejected before any query', async () => {
    const res = await post('/v2/workflows/instances/abort', {
      instanceIds: ['ok-id', 'bad"}) {'],
    });
    expect(res.status).toBe(400);
    expect(h.graphql).toHaveLength(0);
  });

  it('a hostile entity ref is not an entity ref: 400, nothing sent', async () => {
    const res = await post('/v2/workflows/instances/entity', {
      targetEntity: 'component:default/x"}) { source',
    });
    expect(res.status).toBe(400);
    expect(h.graphql).toHaveLength(0);
  });

  it('a valid entity ref stays a variable', async () => {
    const res = await post('/v2/workflows/instances/entity', {
      targetEntity: 'component:default/x',
    });
    expect(res.status).toBe(200);
    const sent = h.graphql.find(g =>
      g.query.includes('OrchestratorInstancesPage'),
    )!;
    expect(sent.query).toBe(STATIC_DOCUMENTS.INSTANCES_PAGE_WITH_COUNT);
    expect(JSON.stringify(sent.variables)).toContain('component:default/x');
  });
});
