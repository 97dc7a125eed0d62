// Generated from the entities against an empty database (see ADR 0004), then reviewed. Never edit
// a released migration: add a new one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchemaSqlite1760000000000 implements MigrationInterface {
  name = 'InitialSchemaSqlite1760000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "eri_callback_data" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "version" varchar(64) NOT NULL, "data" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_eri_callback_data_node_version" ON "eri_callback_data" ("node_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "component_model" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(255) NOT NULL, "version" varchar(64) NOT NULL DEFAULT ('legacy'), "name" varchar(255) NOT NULL, "is_default_version" boolean NOT NULL DEFAULT (0), "status" boolean NOT NULL DEFAULT (1))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_component_model_code" ON "component_model" ("code") `);
    await queryRunner.query(`CREATE INDEX "idx_component_model_version" ON "component_model" ("version") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_component_model_code_version" ON "component_model" ("code", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_context_outputs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pipeline_id" varchar(64) NOT NULL, "outputs" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eri_context_outputs_pipeline_id" ON "eri_context_outputs" ("pipeline_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_context_value" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pipeline_id" varchar(64) NOT NULL, "key" varchar(128) NOT NULL, "type" integer NOT NULL, "serializer" varchar(32) NOT NULL DEFAULT ('json'), "code" varchar(128) NOT NULL DEFAULT (''), "value" json NOT NULL, "references" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eri_context_value_pipeline_key" ON "eri_context_value" ("pipeline_id", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_execution_data" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "inputs_serializer" varchar(32) NOT NULL DEFAULT ('json'), "outputs_serializer" varchar(32) NOT NULL DEFAULT ('json'), "inputs" json NOT NULL, "outputs" json NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_eri_execution_data_node_id" ON "eri_execution_data" ("node_id") `);
    await queryRunner.query(
      `CREATE TABLE "eri_execution_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "loop" integer NOT NULL DEFAULT (1), "retry" integer NOT NULL DEFAULT (0), "skip" boolean NOT NULL DEFAULT (0), "version" varchar(64) NOT NULL, "started_time" datetime(6), "archived_time" datetime(6), "inputs_serializer" varchar(32) NOT NULL DEFAULT ('json'), "outputs_serializer" varchar(32) NOT NULL DEFAULT ('json'), "inputs" json NOT NULL, "outputs" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_eri_execution_history_node_loop" ON "eri_execution_history" ("node_id", "loop") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expired_nodes_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "nodes" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_log_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "version" varchar(64) NOT NULL DEFAULT (''), "loop" integer NOT NULL DEFAULT (1), "logger_name" varchar(128) NOT NULL, "level_name" varchar(32) NOT NULL, "message" text, "logged_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_eri_log_entry_logged_at" ON "eri_log_entry" ("logged_at") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_log_entry_node_version" ON "eri_log_entry" ("node_id", "version") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_log_entry_node_loop" ON "eri_log_entry" ("node_id", "loop") `);
    await queryRunner.query(
      `CREATE TABLE "eri_data" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "inputs" json NOT NULL, "outputs" json NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_eri_data_node_id" ON "eri_data" ("node_id") `);
    await queryRunner.query(
      `CREATE TABLE "eri_state" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "root_id" varchar(64) NOT NULL DEFAULT (''), "parent_id" varchar(64) NOT NULL DEFAULT (''), "name" varchar(64) NOT NULL, "version" varchar(64) NOT NULL, "loop" integer NOT NULL DEFAULT (1), "inner_loop" integer NOT NULL DEFAULT (1), "retry" integer NOT NULL DEFAULT (0), "skip" boolean NOT NULL DEFAULT (0), "error_ignored" boolean NOT NULL DEFAULT (0), "created_time" datetime(6) NOT NULL DEFAULT (datetime('now')), "started_time" datetime(6), "archived_time" datetime(6))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_eri_state_node_id" ON "eri_state" ("node_id") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_state_root_id" ON "eri_state" ("root_id") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_state_parent_id" ON "eri_state" ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "node_timeout_config" ("node_id" varchar(64) PRIMARY KEY NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "action" varchar(32) NOT NULL, "timeout" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_node_timeout_config_root_node" ON "node_timeout_config" ("root_pipeline_id", "node_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "node_timer_event_config" ("node_id" varchar(64) PRIMARY KEY NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "events" json NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_node_timer_event_config_root_pipeline_id" ON "node_timer_event_config" ("root_pipeline_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_node" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "node_id" varchar(64) NOT NULL, "detail" json NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_eri_node_node_id" ON "eri_node" ("node_id") `);
    await queryRunner.query(
      `CREATE TABLE "periodic_task_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "periodic_task_id" bigint NOT NULL, "pipeline_id" varchar(64) NOT NULL DEFAULT (''), "start_at" datetime(6) NOT NULL, "start_success" boolean NOT NULL DEFAULT (1), "ex_data" text, "priority" integer NOT NULL DEFAULT (100), "queue" varchar(128) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_periodic_task_history_task_id" ON "periodic_task_history" ("periodic_task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "periodic_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "tree" json NOT NULL, "cron" json NOT NULL, "timezone" varchar(64) NOT NULL DEFAULT ('UTC'), "creator" varchar(64) NOT NULL DEFAULT (''), "priority" integer NOT NULL DEFAULT (100), "queue" varchar(128) NOT NULL DEFAULT (''), "extra_info" json NOT NULL, "total_run_count" integer NOT NULL DEFAULT (0), "last_run_at" datetime(6), "enabled" boolean NOT NULL DEFAULT (0), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_periodic_task_enabled" ON "periodic_task" ("enabled") `);
    await queryRunner.query(
      `CREATE TABLE "bamboo_pipeline_instance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pipeline_id" varchar(64) NOT NULL, "name" varchar(255) NOT NULL DEFAULT (''), "tree" json NOT NULL, "created_time" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_bamboo_pipeline_instance_pipeline_id" ON "bamboo_pipeline_instance" ("pipeline_id") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_bamboo_pipeline_instance_name" ON "bamboo_pipeline_instance" ("name") `);
    await queryRunner.query(
      `CREATE INDEX "idx_bamboo_pipeline_instance_created_time" ON "bamboo_pipeline_instance" ("created_time") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plugin_execute_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "state" varchar(32) NOT NULL, "invoke_count" integer NOT NULL DEFAULT (1), "component_code" varchar(255) NOT NULL, "version" varchar(64) NOT NULL DEFAULT ('legacy'), "inputs" json NOT NULL, "outputs" json NOT NULL, "callback_data" json NOT NULL, "contexts" json NOT NULL, "runtime_attrs" json NOT NULL, "scheduling" boolean NOT NULL DEFAULT (0), "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')), "finish_at" datetime(6))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_plugin_execute_task_component_code" ON "plugin_execute_task" ("component_code") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_plugin_execute_task_scheduling" ON "plugin_execute_task" ("scheduling") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_process" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" bigint NOT NULL DEFAULT (-1), "ack_num" integer NOT NULL DEFAULT (0), "need_ack" integer NOT NULL DEFAULT (-1), "asleep" boolean NOT NULL DEFAULT (1), "suspended" boolean NOT NULL DEFAULT (0), "frozen" boolean NOT NULL DEFAULT (0), "dead" boolean NOT NULL DEFAULT (0), "last_heartbeat" datetime(6) NOT NULL DEFAULT (datetime('now')), "destination_id" varchar(64) NOT NULL DEFAULT (''), "current_node_id" varchar(64) NOT NULL DEFAULT (''), "root_pipeline_id" varchar(64) NOT NULL, "suspended_by" varchar(64) NOT NULL DEFAULT (''), "priority" integer NOT NULL DEFAULT (100), "queue" varchar(128) NOT NULL DEFAULT (''), "pipeline_stack" json NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_eri_process_parent_id" ON "eri_process" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_process_last_heartbeat" ON "eri_process" ("last_heartbeat") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_process_current_node_id" ON "eri_process" ("current_node_id") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_process_root_pipeline_id" ON "eri_process" ("root_pipeline_id") `);
    await queryRunner.query(`CREATE INDEX "idx_eri_process_suspended_by" ON "eri_process" ("suspended_by") `);
    await queryRunner.query(
      `CREATE INDEX "idx_eri_process_dead_current_node" ON "eri_process" ("dead", "current_node_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_eri_process_asleep_current_node" ON "eri_process" ("asleep", "current_node_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rollback_node_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "node_id" varchar(64) NOT NULL, "code" varchar(255) NOT NULL, "version" varchar(64) NOT NULL, "inputs" json NOT NULL, "outputs" json NOT NULL, "context_values" json NOT NULL, "rolled_back" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_rollback_node_snapshot_root_node" ON "rollback_node_snapshot" ("root_pipeline_id", "node_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rollback_plan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "start_node_id" varchar(64) NOT NULL, "target_node_id" varchar(64) NOT NULL, "mode" varchar(32) NOT NULL DEFAULT ('TOKEN'), "options" json NOT NULL, "is_expired" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_rollback_plan_root_pipeline_id" ON "rollback_plan" ("root_pipeline_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rollback_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "graph" json NOT NULL, "node_access_record" json NOT NULL, "skip_rollback_nodes" json NOT NULL, "other_nodes" json NOT NULL, "start_node_id" varchar(64) NOT NULL, "target_node_id" varchar(64) NOT NULL, "is_expired" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_rollback_snapshot_root_pipeline_id" ON "rollback_snapshot" ("root_pipeline_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rollback_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "root_pipeline_id" varchar(64) NOT NULL, "token" json NOT NULL, "is_deleted" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_rollback_token_root_pipeline_id" ON "rollback_token" ("root_pipeline_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eri_schedule" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "type" integer NOT NULL, "process_id" bigint NOT NULL DEFAULT (-1), "node_id" varchar(64) NOT NULL, "finished" boolean NOT NULL DEFAULT (0), "expired" boolean NOT NULL DEFAULT (0), "scheduling" boolean NOT NULL DEFAULT (0), "version" varchar(64) NOT NULL, "schedule_times" integer NOT NULL DEFAULT (0), "lock_acquired_at" datetime(6), "updated_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_eri_schedule_lock" ON "eri_schedule" ("scheduling", "lock_acquired_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eri_schedule_node_version" ON "eri_schedule" ("node_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "timeout_nodes_record" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timeout_nodes" json NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "timeout_nodes_record"`);
    await queryRunner.query(`DROP INDEX "uq_eri_schedule_node_version"`);
    await queryRunner.query(`DROP INDEX "idx_eri_schedule_lock"`);
    await queryRunner.query(`DROP TABLE "eri_schedule"`);
    await queryRunner.query(`DROP INDEX "idx_rollback_token_root_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "rollback_token"`);
    await queryRunner.query(`DROP INDEX "idx_rollback_snapshot_root_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "rollback_snapshot"`);
    await queryRunner.query(`DROP INDEX "idx_rollback_plan_root_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "rollback_plan"`);
    await queryRunner.query(`DROP INDEX "idx_rollback_node_snapshot_root_node"`);
    await queryRunner.query(`DROP TABLE "rollback_node_snapshot"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_asleep_current_node"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_dead_current_node"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_suspended_by"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_root_pipeline_id"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_current_node_id"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_last_heartbeat"`);
    await queryRunner.query(`DROP INDEX "idx_eri_process_parent_id"`);
    await queryRunner.query(`DROP TABLE "eri_process"`);
    await queryRunner.query(`DROP INDEX "idx_plugin_execute_task_scheduling"`);
    await queryRunner.query(`DROP INDEX "idx_plugin_execute_task_component_code"`);
    await queryRunner.query(`DROP TABLE "plugin_execute_task"`);
    await queryRunner.query(`DROP INDEX "idx_bamboo_pipeline_instance_created_time"`);
    await queryRunner.query(`DROP INDEX "idx_bamboo_pipeline_instance_name"`);
    await queryRunner.query(`DROP INDEX "uq_bamboo_pipeline_instance_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "bamboo_pipeline_instance"`);
    await queryRunner.query(`DROP INDEX "idx_periodic_task_enabled"`);
    await queryRunner.query(`DROP TABLE "periodic_task"`);
    await queryRunner.query(`DROP INDEX "idx_periodic_task_history_task_id"`);
    await queryRunner.query(`DROP TABLE "periodic_task_history"`);
    await queryRunner.query(`DROP INDEX "uq_eri_node_node_id"`);
    await queryRunner.query(`DROP TABLE "eri_node"`);
    await queryRunner.query(`DROP INDEX "idx_node_timer_event_config_root_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "node_timer_event_config"`);
    await queryRunner.query(`DROP INDEX "idx_node_timeout_config_root_node"`);
    await queryRunner.query(`DROP TABLE "node_timeout_config"`);
    await queryRunner.query(`DROP INDEX "idx_eri_state_parent_id"`);
    await queryRunner.query(`DROP INDEX "idx_eri_state_root_id"`);
    await queryRunner.query(`DROP INDEX "uq_eri_state_node_id"`);
    await queryRunner.query(`DROP TABLE "eri_state"`);
    await queryRunner.query(`DROP INDEX "uq_eri_data_node_id"`);
    await queryRunner.query(`DROP TABLE "eri_data"`);
    await queryRunner.query(`DROP INDEX "idx_eri_log_entry_node_loop"`);
    await queryRunner.query(`DROP INDEX "idx_eri_log_entry_node_version"`);
    await queryRunner.query(`DROP INDEX "idx_eri_log_entry_logged_at"`);
    await queryRunner.query(`DROP TABLE "eri_log_entry"`);
    await queryRunner.query(`DROP TABLE "expired_nodes_record"`);
    await queryRunner.query(`DROP INDEX "idx_eri_execution_history_node_loop"`);
    await queryRunner.query(`DROP TABLE "eri_execution_history"`);
    await queryRunner.query(`DROP INDEX "uq_eri_execution_data_node_id"`);
    await queryRunner.query(`DROP TABLE "eri_execution_data"`);
    await queryRunner.query(`DROP INDEX "uq_eri_context_value_pipeline_key"`);
    await queryRunner.query(`DROP TABLE "eri_context_value"`);
    await queryRunner.query(`DROP INDEX "uq_eri_context_outputs_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "eri_context_outputs"`);
    await queryRunner.query(`DROP INDEX "uq_component_model_code_version"`);
    await queryRunner.query(`DROP INDEX "idx_component_model_version"`);
    await queryRunner.query(`DROP INDEX "idx_component_model_code"`);
    await queryRunner.query(`DROP TABLE "component_model"`);
    await queryRunner.query(`DROP INDEX "idx_eri_callback_data_node_version"`);
    await queryRunner.query(`DROP TABLE "eri_callback_data"`);
  }
}
