/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * Sub-flows and idempotent starts.
 *
 * `orchestrator_runs.root_instance_id`: a sub-flow run belongs to its root run's owner. The
 * watcher records each sub-flow it sees with the root's initiator, so every check and list can
 * answer from this table instead of walking the Data Index.
 *
 * `orchestrator_run_starts`: a start is written here BEFORE the workflow service is called,
 * keyed by the key it is given (its `businessKey`), so a timed-out or crashed start can be
 * reconciled with the Data Index and a retried one never makes a second run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('orchestrator_runs', table => {
    table
      .string('root_instance_id', 255)
      .nullable()
      .comment('Root run of a sub-flow (null for a root run)');
    table.index(
      ['initiator', 'root_instance_id'],
      'orchestrator_runs_initiator_root_idx',
    );
  });
  await knex.schema.createTable('orchestrator_run_starts', table => {
    table.comment('Starts in flight or resolved, by their idempotency key');
    table
      .string('start_key', 128)
      .primary()
      .notNullable()
      .comment('Key sent as businessKey');
    table.string('workflow_id', 255).notNullable();
    table.string('initiator', 512).notNullable();
    table.string('target_entity', 512).nullable();
    table.text('inputs').nullable().comment('As JSON; never auth tokens');
    table.string('rerun_of', 255).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('starting | started | failed');
    table.string('instance_id', 255).nullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['status', 'created_at'], 'orchestrator_run_starts_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('orchestrator_run_starts');
  await knex.schema.alterTable('orchestrator_runs', table => {
    table.dropIndex(
      ['initiator', 'root_instance_id'],
      'orchestrator_runs_initiator_root_idx',
    );
    table.dropColumn('root_instance_id');
  });
};
