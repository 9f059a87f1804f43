import { createTestDatabases } from '../__testUtils__/databases';
import { migrateKnex } from '../database/migrations';
import { RunStarts } from './RunStarts';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('RunStarts on %s', databaseId => {
  async function ledger() {
    const knex = await databases.init(databaseId);
    await migrateKnex(knex);
    return RunStarts.create({ knex });
  }
  const start = {
    startKey: 'orch-key-1',
    workflowId: 'greeting',
    initiator: 'user:default/ann',
    inputs: { language: 'Spanish' },
  };

  it('claims a key once; of two racing claims one wins', async () => {
    const starts = await ledger();
    const claims = await Promise.all([
      starts.claim(start),
      starts.claim(start),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await starts.get('orch-key-1')).toMatchObject({
      status: 'starting',
      inputs: { language: 'Spanish' },
    });
  });

  it('reopens a failed start for exactly one retry, with its inputs', async () => {
    const starts = await ledger();
    await starts.claim(start, new Date(Date.now() - 1000));
    await starts.markFailed('orch-key-1');
    const failed = (await starts.get('orch-key-1'))!;
    const retry = { ...start, inputs: { language: 'English' } };
    const reopened = await Promise.all([
      starts.reopen(failed, retry),
      starts.reopen(failed, retry),
    ]);
    expect(reopened.filter(Boolean)).toHaveLength(1);
    expect(await starts.get('orch-key-1')).toMatchObject({
      status: 'starting',
      inputs: { language: 'English' },
    });
  });

  it('lists unresolved starts older than a time; a found run is never marked failed', async () => {
    const starts = await ledger();
    const old = new Date(Date.now() - 120_000);
    await starts.claim({ ...start, startKey: 'orch-old' }, old);
    await starts.claim({ ...start, startKey: 'orch-new' });
    const stale = await starts.listStarting(new Date(Date.now() - 60_000), 10);
    expect(stale.map(s => s.startKey)).toEqual(['orch-old']);
    await starts.markStarted('orch-old', 'run-1');
    await starts.markFailed('orch-old');
    expect(await starts.get('orch-old')).toMatchObject({
      status: 'started',
      instanceId: 'run-1',
    });
  });
});
