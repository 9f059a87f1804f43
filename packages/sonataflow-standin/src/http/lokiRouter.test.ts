import path from 'node:path';
import { startStandin, RunningStandin } from '../startStandin';
import { REPO_ROOT } from '../testing/reference';
import { eventually, postJson } from '../testing/http';

type Streams = {
  status: string;
  data: {
    resultType: string;
    result: { stream: Record<string, string>; values: [string, string][] }[];
  };
};

describe('GET /loki/api/v1/query_range', () => {
  let s: RunningStandin;
  let ada: string;
  let failing: string;

  const run = async (workflowId: string, workflowdata: object) => {
    const res = await postJson(`${s.url}/${workflowId}`, { workflowdata });
    expect(res.status).toBe(201);
    const id: string = res.body.id;
    await eventually(
      () => s.store.getInstance(id)?.state,
      state => state !== 'ACTIVE',
    );
    return id;
  };
  const query = async (params: Record<string, string>) => {
    const res = await fetch(
      `${s.url}/loki/api/v1/query_range?${new URLSearchParams(params)}`,
    );
    return {
      status: res.status,
      body: (res.headers.get('content-type')?.includes('json')
        ? await res.json()
        : await res.text()) as Streams & string,
    };
  };
  const lines = (body: Streams) =>
    body.data.result.flatMap(r => r.values.map(([, line]) => line));

  beforeAll(async () => {
    s = await startStandin({ workflowsDir: path.join(REPO_ROOT, 'workflows') });
    ada = await run('greeting', { name: 'Ada', language: 'English' });
    failing = await run('failing', {});
    await run('greeting', { name: 'Bo', language: 'Spanish' });
  });
  afterAll(() => s.close());

  it("answers a run's lines in Loki's streams shape, each with the run id, oldest first forward", async () => {
    const res = await query({
      query: `{service_name="greeting"} |= "${ada}"`,
      direction: 'forward',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('success');
    expect(res.body.data.resultType).toBe('streams');
    expect(res.body.data.result.map(r => r.stream)).toEqual([
      { service_name: 'greeting', app: 'sonataflow-standin' },
    ]);
    const text = lines(res.body);
    expect(text.every(l => l.includes(ada))).toBe(true);
    expect(text[0]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  .*Starting workflow 'greeting' instance ${ada}$`,
      ),
    );
    expect(text.some(l => /entered node 'Greet'/.test(l))).toBe(true);
    expect(text.some(l => /left node 'Greet'/.test(l))).toBe(true);
    expect(text.some(l => l.includes('[sysout] Hello, Ada'))).toBe(true);
    expect(text[text.length - 1]).toMatch(/is COMPLETED$/);
    const times = res.body.data.result[0].values.map(([ns]) => BigInt(ns));
    expect(times).toEqual([...times].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('writes the failure of a run as ERROR lines with the reason', async () => {
    const res = await query({
      query: `{service_name="failing"} |= "${failing}"`,
    });
    expect(lines(res.body)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ERROR .*ended in ERROR: .*quota exceeded/),
      ]),
    );
  });

  it("keeps the newest lines within limit by default (backward), and none of other runs'", async () => {
    const all = lines(
      (await query({ query: `{service_name="greeting"} |= "${ada}"` })).body,
    );
    const two = lines(
      (
        await query({
          query: `{service_name="greeting"} |= "${ada}"`,
          limit: '2',
        })
      ).body,
    );
    expect(two).toEqual(all.slice(0, 2));
    expect(two[0]).toMatch(/is COMPLETED$/);
    expect(all.some(l => l.includes('Bo'))).toBe(false);
  });

  it('honours start and end (start inclusive, end exclusive), in nanoseconds or RFC 3339', async () => {
    const forward = (
      await query({
        query: `{service_name="greeting"} |= "${ada}"`,
        direction: 'forward',
      })
    ).body.data.result[0].values;
    const [firstNs] = forward[0];
    const [secondNs] = forward[1];
    const window = await query({
      query: `{service_name="greeting"} |= "${ada}"`,
      start: firstNs,
      end: secondNs,
    });
    expect(window.body.data.result[0].values).toEqual([forward[0]]);
    const future = await query({
      query: `{service_name="greeting"} |= "${ada}"`,
      start: '2999-01-01T00:00:00Z',
      end: '2999-01-02T00:00:00Z',
    });
    expect(future.body.data.result).toEqual([]);
  });

  it('applies every line filter and label matcher', async () => {
    const res = await query({
      query: `{service_name=~"greet.*", app!="other"} |= "${ada}" != "node" |~ "Start|COMPLETED"`,
      direction: 'forward',
    });
    expect(lines(res.body).map(l => l.replace(/^.*\) /, ''))).toEqual([
      `Starting workflow 'greeting' instance ${ada}`,
      `Workflow 'greeting' instance ${ada} is COMPLETED`,
    ]);
  });

  it.each([
    [{}, 'query must be given'],
    [{ query: 'rate({a="b"}[5m])' }, 'parse error'],
    [
      { query: '{a=~".*"}' },
      'at least one matcher that does not match the empty string',
    ],
    [{ query: '{service_name="greeting"} |= `raw`' }, 'parse error'],
    [{ query: '{service_name="greeting"} |~ "("' }, 'invalid regex'],
    [{ query: '{service_name=~"("}' }, 'invalid regex'],
    [{ query: '{service_name="greeting"}', limit: '0' }, 'limit must be'],
    [
      { query: '{service_name="greeting"}', direction: 'sideways' },
      'direction must be',
    ],
    [
      { query: '{service_name="greeting"}', start: 'yesterday' },
      'start must be',
    ],
  ])(
    'refuses %j with a 400 and the reason, as Loki does',
    async (params, reason) => {
      const res = await query(params as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body).toContain(reason);
    },
  );
});
