/*
 * Copyright The Orchestrator Suite Authors
 *
 * Licensed under the Apache License, Version 2.0.
 */
// @ts-check

/**
 * The instance admins (`orchestrator.instanceAdminView`) seen recently, so the InstanceWatcher
 * can tick their pages about others' runs (src/liveAdmins). In the shared database because a
 * request answered by one replica must reach the watcher running on another.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('orchestrator_live_admins', table => {
    table.comment('Instance admins seen recently, for live updates');
    table
      .string('user_ref', 255)
      .primary()
      .notNullable()
      .comment('User entity ref of a caller that held instanceAdminView');
    table
      .bigInteger('seen_at')
      .notNullable()
      .index('orchestrator_live_admins_seen_at_idx')
      .comment('When it last did, epoch milliseconds');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('orchestrator_live_admins');
};
