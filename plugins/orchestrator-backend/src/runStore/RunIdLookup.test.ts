import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { migrateKnex } from '../database/migrations';
import { DefaultRunIndex } from '../runIndex/RunIndex';
import { DefaultRunIdLookup } from './RunIdLookup';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const T0 = Date.parse('2026-11-01T10:00:00.000Z');
const MIN = 60_000;

describe.each(databases.eachSupportedId())('DefaultRunIdLookup on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await migrateKnex(knex);
    const started = (instanceId: string, atMs: number) =>
      knex('orchestrator_runs').insert({
        instance_id: instanceId,
        workflow_id: 'greeting',
        initiator: 'user:default/ann',
        created_at: new Date(atMs),
      });
    const indexed = (runId: string, startMs: number | null) =>
      DefaultRunIndex.create({ knex }).upsert(
        [
          {
            id: runId,
            processId: 'greeting',
            state: 'ACTIVE',
            start: startMs === null ? null : new Date(startMs).toISOString(),
            lastUpdate: new Date(startMs ?? T0).toISOString(),
            variables: {},
          },
        ],
        T0,
      );
    return { knex, started, indexed };
  }

  it('finds ids in the run store and the run index, newest first, each once', async () => {
    const { knex, started, indexed } = await setup();
    await started('8f1c2a5e-0001', T0 + 1 * MIN);
    await started('8f1c2a5e-0003', T0 + 3 * MIN);
    await indexed('8f1c2a5e-0002', T0 + 2 * MIN);
    await indexed('8f1c2a5e-0003', T0 + 3 * MIN); // the same run in both tables
    await indexed('8f1c2a5e-0004', null); // not started yet: its last update counts
    await started('9a9a9a9a-0005', T0 + 9 * MIN);
    const lookup = DefaultRunIdLookup.create({ knex, runIndex: true });

    expect(await lookup.startingWith('8f1c2a5e', 50)).toEqual([
      '8f1c2a5e-0003',
      '8f1c2a5e-0002',
      '8f1c2a5e-0001',
      '8f1c2a5e-0004',
    ]);
    expect(await lookup.startingWith('8f1c2a5e', 2)).toEqual([
      '8f1c2a5e-0003',
      '8f1c2a5e-0002',
    ]);
    expect(await lookup.startingWith('8f1c2a5e-0001', 50)).toEqual([
      '8f1c2a5e-0001',
    ]);
    expect(await lookup.startingWith('7777', 50)).toEqual([]);
  });

  it('leaves the run index out while it is off: nothing keeps it current then', async () => {
    const { knex, started, indexed } = await setup();
    await started('abcd-store', T0);
    await indexed('abcd-index', T0 + MIN);
    const lookup = DefaultRunIdLookup.create({ knex, runIndex: false });
    expect(await lookup.startingWith('abcd', 50)).toEqual(['abcd-store']);
  });

  it('matches %, _ and \\ in the text literally, and case as PostgreSQL does', async () => {
    const { knex, started } = await setup();
    await started('ab_cd-1', T0);
    await started('abXcd-2', T0 + MIN);
    await started('ab%cd-3', T0 + 2 * MIN);
    await started('ab\\cd-4', T0 + 3 * MIN);
    await started('ABCD-5', T0 + 4 * MIN);
    await started('abcd-6', T0 + 5 * MIN);
    const lookup = DefaultRunIdLookup.create({ knex, runIndex: false });

    expect(await lookup.startingWith('ab_c', 50)).toEqual(['ab_cd-1']);
    expect(await lookup.startingWith('ab%c', 50)).toEqual(['ab%cd-3']);
    expect(await lookup.startingWith('ab\\c', 50)).toEqual(['ab\\cd-4']);
    expect(await lookup.startingWith('ab\\', 50)).toEqual(['ab\\cd-4']);
    // SQLite's LIKE alone would answer both
    expect(await lookup.startingWith('abcd', 50)).toEqual(['abcd-6']);
    expect(await lookup.startingWith('ABCD', 50)).toEqual(['ABCD-5']);
    expect(await lookup.startingWith('', 50)).toEqual([]);
  });

  if (id.startsWith('POSTGRES')) {
    it('reads a range of an index on PostgreSQL, never the whole table', async () => {
      const { knex } = await setup();
      const queries: { sql: string; bindings: readonly unknown[] }[] = [];
      const capture = (q: { sql: string; bindings: readonly unknown[] }) =>
        queries.push(q);
      knex.on('query', capture);
      await DefaultRunIdLookup.create({ knex, runIndex: true }).startingWith(
        '8f1c2a5e',
        50,
      );
      knex.off('query', capture);
      expect(queries).toHaveLength(2);
      // A range condition (`~>=~`) on the id, not a filter over a whole table or index.
      for (const q of queries) {
        expect(await planOf(knex, q)).toMatch(/Index Cond: .*~>=~/);
      }
    });
  }
});

/** The plan with sequential scans priced out, as on a table too big to read whole. */
async function planOf(
  knex: Knex,
  q: { sql: string; bindings: readonly unknown[] },
): Promise<string> {
  return knex.transaction(async trx => {
    await trx.raw('SET LOCAL enable_seqscan = off');
    const result = await trx.raw(`EXPLAIN ${q.sql.replace(/\$\d+/g, '?')}`, [
      ...(q.bindings as Knex.Value[]),
    ]);
    return result.rows
      .map((r: Record<string, string>) => r['QUERY PLAN'])
      .join('\n');
  });
}
