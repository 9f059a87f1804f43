import path from 'node:path';
import { startStandin, RunningStandin } from '../startStandin';
import { REPO_ROOT } from '../testing/reference';
import { graphql, postJson } from '../testing/http';

describe('POST /<workflowId>?businessKey=', () => {
  let s: RunningStandin;
  beforeAll(async () => {
    s = await startStandin({ workflowsDir: path.join(REPO_ROOT, 'workflows') });
  });
  afterAll(() => s.close());

  const byKey = async (keys: string[]) =>
    (
      await graphql(
        s,
        `
          query ($keys: [String!]) {
            ProcessInstances(where: { businessKey: { in: $keys } }) {
              id
              businessKey
              processId
            }
          }
        `,
        { keys },
      )
    ).ProcessInstances;

  it('keeps the key on the instance, filterable in the Data Index', async () => {
    const started = await postJson(`${s.url}/greeting?businessKey=bk-one`, {
      workflowdata: { name: 'Bo', language: 'English' },
    });
    expect(started.status).toBe(201);
    const other = await postJson(`${s.url}/greeting`, {
      workflowdata: { name: 'Al', language: 'English' },
    });
    expect(other.status).toBe(201);

    expect(await byKey(['bk-one', 'bk-none'])).toEqual([
      { id: started.body.id, businessKey: 'bk-one', processId: 'greeting' },
    ]);
    expect(s.store.getInstance(other.body.id)!.businessKey).toBeUndefined();
  });

  it('does not make the key unique, as SonataFlow does not', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await postJson(`${s.url}/greeting?businessKey=bk-twice`, {
        workflowdata: { name: 'Bo', language: 'English' },
      });
      expect(res.status).toBe(201);
    }
    expect(await byKey(['bk-twice'])).toHaveLength(2);
  });
});
