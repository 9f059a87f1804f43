/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * The run index: one summary row per run the Data Index knows about in the
 * statistics window (plus each workflow's last run whatever its age), so the
 * overview and the entity statistics are SQL here instead of five Data Index
 * sub-queries per workflow. Times are epoch milliseconds (bigint) so durations
 * are plain arithmetic on SQLite and PostgreSQL alike.
 *
 * `initiator` and `target_entity` are the instance's own variables; the run
 * store (orchestrator_runs) stays the authority and is joined at query time,
 * exactly as the Data Index path ORs the two.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('orchestrator_run_index', table => {
    table.comment('Summary rows of the runs in the statistics window');
    table.string('id', 255).primary().notNullable().comment('Instance id');
    table.string('workflow_id', 255).notNullable();
    table.string('workflow_version', 64).nullable();
    table.string('state', 32).notNullable();
    table.bigInteger('start_ms').nullable();
    table.bigInteger('end_ms').nullable();
    table.bigInteger('last_update_ms').notNullable();
    table.string('business_key', 255).nullable();
    table.string('parent_id', 255).nullable();
    table.string('root_id', 255).nullable();
    table
      .string('initiator', 512)
      .nullable()
      .comment('variables.initiatorEntity of the instance');
    table
      .string('target_entity', 512)
      .nullable()
      .comment('variables.targetEntity of the instance');
    table
      .bigInteger('synced_ms')
      .notNullable()
      .comment('When a watcher tick or a scan last wrote or saw the row');
    // The overview: per workflow, runs since a date, by state, with durations (covering).
    table.index(
      ['workflow_id', 'start_ms', 'state', 'end_ms'],
      'orchestrator_run_index_overview_idx',
    );
    table.index(
      ['initiator', 'workflow_id', 'start_ms'],
      'orchestrator_run_index_initiator_idx',
    );
    table.index(
      ['target_entity', 'workflow_id', 'start_ms'],
      'orchestrator_run_index_entity_idx',
    );
    table.index(['start_ms'], 'orchestrator_run_index_start_idx');
  });

  await knex.schema.createTable('orchestrator_run_index_state', table => {
    table.comment('Progress of the run index backfill and reconcile');
    table.string('id', 64).primary().notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | running | ready');
    table
      .text('scan')
      .nullable()
      .comment('JSON of the scan in progress: lower bound, cursor, start');
    table.bigInteger('ready_ms').nullable().comment('When a backfill finished');
    table.bigInteger('reconciled_ms').nullable();
    table.bigInteger('pruned_ms').nullable();
    table
      .bigInteger('watched_ms')
      .nullable()
      .comment('Last watcher tick that fed the index (to detect gaps)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('orchestrator_run_index_state');
  await knex.schema.dropTable('orchestrator_run_index');
};
