import { startStandin, RunningStandin } from '../startStandin';
import { postJson } from '../testing/http';

describe('/demo-data', () => {
  let s: RunningStandin;
  beforeAll(async () => {
    s = await startStandin();
  });
  afterAll(() => s.close());

  const get = async (path: string) => {
    const res = await fetch(`${s.url}/demo-data${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('lists teams and a team with its defaults', async () => {
    expect((await get('/teams')).body.teams.map((t: any) => t.id)).toEqual([
      'payments',
      'search',
      'platform',
    ]);
    expect((await get('/teams/search')).body).toMatchObject({
      lead: 'grace@example.com',
      defaultLanguage: 'Rust',
      languages: expect.arrayContaining(['Rust', 'Go']),
    });
    expect((await get('/teams/nope')).status).toBe(404);
  });

  it('filters languages by the typed text', async () => {
    expect((await get('/languages?q=ja')).body.languages).toEqual([
      'Java',
      'JavaScript',
    ]);
  });

  it('gives regions with the mandatory ones per team', async () => {
    expect((await get('/regions?team=payments')).body).toEqual({
      available: ['eu-west', 'eu-central', 'us-east'],
      required: ['eu-west'],
    });
    expect((await get('/regions?team=unknown')).body.available).toEqual([]);
  });

  it('answers a schema chunk per database engine', async () => {
    const body = (await get('/database-schema?engine=postgres')).body;
    expect(body.databaseSettings.required).toEqual(['version']);
    expect((await get('/database-schema?engine=oracle')).status).toBe(404);
  });

  it('validates a name: 200 when free, 422 with the field message when taken', async () => {
    const url = `${s.url}/demo-data/validate-name`;
    expect((await postJson(url, { name: 'fresh' })).status).toBe(200);
    const taken = await postJson(url, { name: 'checkout' });
    expect(taken.status).toBe(422);
    expect(taken.body.name[0]).toMatch(/already taken/);
  });
});
