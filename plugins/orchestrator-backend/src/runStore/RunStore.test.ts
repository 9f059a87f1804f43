import { createTestDatabases } from '../__testUtils__/databases';
import { migrateKnex } from '../database/migrations';
import { DatabaseRunStore } from './RunStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseRunStore on %s',
  databaseId => {
    async function store() {
      const knex = await databases.init(databaseId);
      await migrateKnex(knex);
      return DatabaseRunStore.create({ knex });
    }

    it('records a run and reads it back with its inputs and rerun link', async () => {
      const runs = await store();
      await runs.record({
        instanceId: 'i1',
        workflowId: 'greeting',
        initiator: 'user:default/ann',
        targetEntity: 'component:default/svc',
        inputs: { language: 'Spanish', nested: { list: [1, 2] } },
      });
      await runs.record({
        instanceId: 'i2',
        workflowId: 'greeting',
        initiator: 'user:default/ann',
        rerunOf: 'i1',
      });

      const first = await runs.get('i1');
      expect(first).toMatchObject({
        instanceId: 'i1',
        workflowId: 'greeting',
        initiator: 'user:default/ann',
        targetEntity: 'component:default/svc',
        inputs: { language: 'Spanish', nested: { list: [1, 2] } },
      });
      expect(first?.createdAt).toBeInstanceOf(Date);
      expect(Number.isNaN(first!.createdAt.getTime())).toBe(false);
      expect(await runs.get('i2')).toMatchObject({
        rerunOf: 'i1',
        targetEntity: undefined,
        inputs: undefined,
      });
      expect(await runs.get('missing')).toBeUndefined();
    });

    it('refuses a second record of the same instance', async () => {
      const runs = await store();
      await runs.record({
        instanceId: 'dup',
        workflowId: 'w',
        initiator: 'user:default/a',
      });
      const second = await runs
        .record({
          instanceId: 'dup',
          workflowId: 'w',
          initiator: 'user:default/b',
        })
        .then(
          () => 'inserted',
          () => 'rejected',
        );
      expect(second).toBe('rejected');
      expect((await runs.get('dup'))?.initiator).toBe('user:default/a');
    });

    it('lists ids by initiator and by entity, uncapped', async () => {
      const runs = await store();
      for (let i = 0; i < 1200; i++) {
        await runs.record({
          instanceId: `run-${i}`,
          workflowId: 'w',
          initiator: i % 2 ? 'user:default/odd' : 'user:default/even',
          targetEntity: i % 3 === 0 ? 'component:default/three' : undefined,
        });
      }
      expect(
        await runs.listInstanceIdsByInitiator('user:default/odd'),
      ).toHaveLength(600);
      expect(
        await runs.listInstanceIdsByEntity('component:default/three'),
      ).toHaveLength(400);
      expect(
        await runs.listInstanceIdsByEntity('component:default/none'),
      ).toEqual([]);

      const many = await runs.getMany(
        Array.from({ length: 1200 }, (_, i) => `run-${i}`).concat('nope'),
      );
      expect(many.size).toBe(1200);
      expect(many.get('run-3')?.initiator).toBe('user:default/odd');
    });
  },
);
