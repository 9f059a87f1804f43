/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * The run store: who started which run, for which entity, with which inputs,
 * and which run it re-ran. It is the authority for ownership and for the
 * per-entity history (the Data Index keeps what the workflow wrote, which a
 * workflow can change; this table keeps what the caller asked for).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('orchestrator_runs', table => {
    table.comment('Runs started through the Orchestrator backend');
    table
      .string('instance_id', 255)
      .primary()
      .notNullable()
      .comment('Process instance id');
    table
      .string('workflow_id', 255)
      .notNullable()
      .comment('Workflow (process definition) id');
    table
      .string('initiator', 512)
      .notNullable()
      .comment('Entity ref of the user who started the run');
    table
      .string('target_entity', 512)
      .nullable()
      .comment('Entity ref the run is for');
    table
      .text('inputs')
      .nullable()
      .comment('The inputs, as JSON; never auth tokens');
    table
      .string('rerun_of', 255)
      .nullable()
      .comment('Instance id this run re-ran');
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['initiator', 'created_at'], 'orchestrator_runs_initiator_idx');
    table.index(
      ['target_entity', 'created_at'],
      'orchestrator_runs_target_entity_idx',
    );
    table.index(['workflow_id'], 'orchestrator_runs_workflow_id_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('orchestrator_runs');
};
