/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * Where the InstanceWatcher stopped reading the Data Index. It lives in the
 * shared database because the watcher is a global scheduler task: the next
 * tick may run on another replica and must continue, not restart.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('orchestrator_watcher_cursor', table => {
    table.comment('Progress of the InstanceWatcher');
    table.string('id', 64).primary().notNullable();
    table
      .string('cursor', 64)
      .notNullable()
      .comment('lastUpdate (ISO) of the newest change handled');
    table
      .text('boundary_ids')
      .notNullable()
      .comment('JSON ids already handled at exactly that lastUpdate');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('orchestrator_watcher_cursor');
};
