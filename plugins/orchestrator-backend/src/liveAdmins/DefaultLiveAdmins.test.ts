import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrateKnex } from '../database/migrations';
import { DefaultLiveAdmins, RECORD_INTERVAL_MS } from './DefaultLiveAdmins';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ADA = 'user:default/ada';
const MAX = 'user:default/max';
const T = Date.parse('2026-12-02T10:00:00.000Z');

describe.each(databases.eachSupportedId())(
  'DefaultLiveAdmins on %s',
  databaseId => {
    let now: number;

    async function replicas(count: number, ttlSeconds = 900) {
      const knex = await databases.init(databaseId);
      await migrateKnex(knex);
      const sets = Array.from({ length: count }, () =>
        DefaultLiveAdmins.create({ knex, ttlSeconds, now: () => now }),
      );
      return { knex, sets };
    }

    beforeEach(() => {
      now = T;
    });

    it('an admin recorded through one replica is live for the watcher on another', async () => {
      const {
        sets: [a, b],
      } = await replicas(2);
      await a.recordSeen(ADA);
      await b.recordSeen(MAX);
      expect(await b.listLive()).toEqual([ADA, MAX]);
      expect(await a.listLive()).toEqual([ADA, MAX]);
    });

    it('writes a user at most once per interval, then again', async () => {
      const {
        knex,
        sets: [a],
      } = await replicas(1);
      const seenAt = async () =>
        Number(
          (await knex('orchestrator_live_admins').where({ user_ref: ADA }))[0]
            .seen_at,
        );
      await a.recordSeen(ADA);
      now = T + RECORD_INTERVAL_MS - 1;
      await a.recordSeen(ADA);
      expect(await seenAt()).toBe(T);
      now = T + RECORD_INTERVAL_MS;
      await a.recordSeen(ADA);
      expect(await seenAt()).toBe(T + RECORD_INTERVAL_MS);
    });

    it('forgets an admin after the TTL and deletes expired rows', async () => {
      const {
        knex,
        sets: [a],
      } = await replicas(1, 600);
      await a.recordSeen(ADA);
      now = T + 300_000;
      await a.recordSeen(MAX);
      now = T + 600_000;
      expect(await a.listLive()).toEqual([ADA, MAX]);

      now = T + 600_001;
      expect(await a.listLive()).toEqual([MAX]);
      // the last prune was within the TTL: the expired row may stay a while
      expect(
        (await knex('orchestrator_live_admins').select('user_ref')).length,
      ).toBeGreaterThanOrEqual(1);

      now = T + 1_200_001;
      expect(await a.listLive()).toEqual([]);
      expect(await knex('orchestrator_live_admins').select()).toEqual([]);
    });

    it('a write that failed is retried by the next request, not an interval later', async () => {
      const knex = await databases.init(databaseId);
      await migrateKnex(knex);
      let down = true;
      const flaky = ((table: string) => {
        if (down) throw new Error('connection refused');
        return knex(table);
      }) as unknown as Knex;
      const a = DefaultLiveAdmins.create({
        knex: flaky,
        ttlSeconds: 900,
        now: () => now,
      });
      await expect(a.recordSeen(ADA)).rejects.toThrow('connection refused');
      down = false;
      await a.recordSeen(ADA);
      expect(await a.listLive()).toEqual([ADA]);
    });
  },
);
