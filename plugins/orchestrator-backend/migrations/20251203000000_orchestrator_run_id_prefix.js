/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * Run id prefix search (`id LIKE 'abcd1234%'`, see src/runStore/RunIdLookup.ts).
 *
 * PostgreSQL answers a LIKE prefix from a b-tree index only when the index compares bytes: a
 * primary key in a database created with a linguistic collation (en_US.UTF-8, the usual one)
 * cannot serve it and every search would read the whole table. A `varchar_pattern_ops` index
 * compares bytes whatever the collation. SQLite plans LIKE differently (and is only used on
 * one machine), so it gets nothing here.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  await knex.raw(
    'CREATE INDEX orchestrator_run_index_id_prefix_idx ON orchestrator_run_index (id varchar_pattern_ops)',
  );
  await knex.raw(
    'CREATE INDEX orchestrator_runs_instance_id_prefix_idx ON orchestrator_runs (instance_id varchar_pattern_ops)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  await knex.raw('DROP INDEX orchestrator_runs_instance_id_prefix_idx');
  await knex.raw('DROP INDEX orchestrator_run_index_id_prefix_idx');
};
