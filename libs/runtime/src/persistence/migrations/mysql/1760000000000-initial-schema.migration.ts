// Generated from the entities against an empty MariaDB database (see ADR 0004), then reviewed: tables
// get an explicit utf8mb4_bin charset so ids and context keys compare byte-wise whatever the
// server default is. Never edit a released migration: add a new one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchemaMysql1760000000000 implements MigrationInterface {
  name = 'InitialSchemaMysql1760000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`eri_callback_data\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`version\` varchar(64) NOT NULL, \`data\` json NOT NULL, INDEX \`idx_eri_callback_data_node_version\` (\`node_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`component_model\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`code\` varchar(255) NOT NULL, \`version\` varchar(64) NOT NULL DEFAULT 'legacy', \`name\` varchar(255) NOT NULL, \`is_default_version\` tinyint NOT NULL DEFAULT 0, \`status\` tinyint NOT NULL DEFAULT 1, INDEX \`idx_component_model_code\` (\`code\`), INDEX \`idx_component_model_version\` (\`version\`), UNIQUE INDEX \`uq_component_model_code_version\` (\`code\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_context_outputs\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`pipeline_id\` varchar(64) NOT NULL, \`outputs\` json NOT NULL, UNIQUE INDEX \`uq_eri_context_outputs_pipeline_id\` (\`pipeline_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_context_value\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`pipeline_id\` varchar(64) NOT NULL, \`key\` varchar(128) NOT NULL, \`type\` int NOT NULL, \`serializer\` varchar(32) NOT NULL DEFAULT 'json', \`code\` varchar(128) NOT NULL DEFAULT '', \`value\` json NOT NULL, \`references\` json NOT NULL, UNIQUE INDEX \`uq_eri_context_value_pipeline_key\` (\`pipeline_id\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_execution_data\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`inputs_serializer\` varchar(32) NOT NULL DEFAULT 'json', \`outputs_serializer\` varchar(32) NOT NULL DEFAULT 'json', \`inputs\` json NOT NULL, \`outputs\` json NOT NULL, UNIQUE INDEX \`uq_eri_execution_data_node_id\` (\`node_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_execution_history\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`loop\` int NOT NULL DEFAULT '1', \`retry\` int NOT NULL DEFAULT '0', \`skip\` tinyint NOT NULL DEFAULT 0, \`version\` varchar(64) NOT NULL, \`started_time\` datetime(6) NULL, \`archived_time\` datetime(6) NULL, \`inputs_serializer\` varchar(32) NOT NULL DEFAULT 'json', \`outputs_serializer\` varchar(32) NOT NULL DEFAULT 'json', \`inputs\` json NOT NULL, \`outputs\` json NOT NULL, INDEX \`idx_eri_execution_history_node_loop\` (\`node_id\`, \`loop\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`expired_nodes_record\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`nodes\` json NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_log_entry\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`version\` varchar(64) NOT NULL DEFAULT '', \`loop\` int NOT NULL DEFAULT '1', \`logger_name\` varchar(128) NOT NULL, \`level_name\` varchar(32) NOT NULL, \`message\` text NULL, \`logged_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_eri_log_entry_logged_at\` (\`logged_at\`), INDEX \`idx_eri_log_entry_node_version\` (\`node_id\`, \`version\`), INDEX \`idx_eri_log_entry_node_loop\` (\`node_id\`, \`loop\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_data\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`inputs\` json NOT NULL, \`outputs\` json NOT NULL, UNIQUE INDEX \`uq_eri_data_node_id\` (\`node_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_state\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`root_id\` varchar(64) NOT NULL DEFAULT '', \`parent_id\` varchar(64) NOT NULL DEFAULT '', \`name\` varchar(64) NOT NULL, \`version\` varchar(64) NOT NULL, \`loop\` int NOT NULL DEFAULT '1', \`inner_loop\` int NOT NULL DEFAULT '1', \`retry\` int NOT NULL DEFAULT '0', \`skip\` tinyint NOT NULL DEFAULT 0, \`error_ignored\` tinyint NOT NULL DEFAULT 0, \`created_time\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`started_time\` datetime(6) NULL, \`archived_time\` datetime(6) NULL, UNIQUE INDEX \`uq_eri_state_node_id\` (\`node_id\`), INDEX \`idx_eri_state_root_id\` (\`root_id\`), INDEX \`idx_eri_state_parent_id\` (\`parent_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`node_timeout_config\` (\`node_id\` varchar(64) NOT NULL, \`root_pipeline_id\` varchar(64) NOT NULL, \`action\` varchar(32) NOT NULL, \`timeout\` int NOT NULL, INDEX \`idx_node_timeout_config_root_node\` (\`root_pipeline_id\`, \`node_id\`), PRIMARY KEY (\`node_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`node_timer_event_config\` (\`node_id\` varchar(64) NOT NULL, \`root_pipeline_id\` varchar(64) NOT NULL, \`events\` json NOT NULL, INDEX \`idx_node_timer_event_config_root_pipeline_id\` (\`root_pipeline_id\`), PRIMARY KEY (\`node_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_node\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`node_id\` varchar(64) NOT NULL, \`detail\` json NOT NULL, UNIQUE INDEX \`uq_eri_node_node_id\` (\`node_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`periodic_task_history\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`periodic_task_id\` bigint NOT NULL, \`pipeline_id\` varchar(64) NOT NULL DEFAULT '', \`start_at\` datetime(6) NOT NULL, \`start_success\` tinyint NOT NULL DEFAULT 1, \`ex_data\` text NULL, \`priority\` int NOT NULL DEFAULT '100', \`queue\` varchar(128) NOT NULL DEFAULT '', INDEX \`idx_periodic_task_history_task_id\` (\`periodic_task_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`periodic_task\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`tree\` json NOT NULL, \`cron\` json NOT NULL, \`timezone\` varchar(64) NOT NULL DEFAULT 'UTC', \`creator\` varchar(64) NOT NULL DEFAULT '', \`priority\` int NOT NULL DEFAULT '100', \`queue\` varchar(128) NOT NULL DEFAULT '', \`extra_info\` json NOT NULL, \`total_run_count\` int NOT NULL DEFAULT '0', \`last_run_at\` datetime(6) NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_periodic_task_enabled\` (\`enabled\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bamboo_pipeline_instance\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`pipeline_id\` varchar(64) NOT NULL, \`name\` varchar(255) NOT NULL DEFAULT '', \`tree\` json NOT NULL, \`created_time\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_bamboo_pipeline_instance_pipeline_id\` (\`pipeline_id\`), INDEX \`idx_bamboo_pipeline_instance_name\` (\`name\`), INDEX \`idx_bamboo_pipeline_instance_created_time\` (\`created_time\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`plugin_execute_task\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`state\` varchar(32) NOT NULL, \`invoke_count\` int NOT NULL DEFAULT '1', \`component_code\` varchar(255) NOT NULL, \`version\` varchar(64) NOT NULL DEFAULT 'legacy', \`inputs\` json NOT NULL, \`outputs\` json NOT NULL, \`callback_data\` json NOT NULL, \`contexts\` json NOT NULL, \`runtime_attrs\` json NOT NULL, \`scheduling\` tinyint NOT NULL DEFAULT 0, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`finish_at\` datetime(6) NULL, INDEX \`idx_plugin_execute_task_component_code\` (\`component_code\`), INDEX \`idx_plugin_execute_task_scheduling\` (\`scheduling\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_process\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`parent_id\` bigint NOT NULL DEFAULT '-1', \`ack_num\` int NOT NULL DEFAULT '0', \`need_ack\` int NOT NULL DEFAULT '-1', \`asleep\` tinyint NOT NULL DEFAULT 1, \`suspended\` tinyint NOT NULL DEFAULT 0, \`frozen\` tinyint NOT NULL DEFAULT 0, \`dead\` tinyint NOT NULL DEFAULT 0, \`last_heartbeat\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`destination_id\` varchar(64) NOT NULL DEFAULT '', \`current_node_id\` varchar(64) NOT NULL DEFAULT '', \`root_pipeline_id\` varchar(64) NOT NULL, \`suspended_by\` varchar(64) NOT NULL DEFAULT '', \`priority\` int NOT NULL DEFAULT '100', \`queue\` varchar(128) NOT NULL DEFAULT '', \`pipeline_stack\` json NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_eri_process_parent_id\` (\`parent_id\`), INDEX \`idx_eri_process_last_heartbeat\` (\`last_heartbeat\`), INDEX \`idx_eri_process_current_node_id\` (\`current_node_id\`), INDEX \`idx_eri_process_root_pipeline_id\` (\`root_pipeline_id\`), INDEX \`idx_eri_process_suspended_by\` (\`suspended_by\`), INDEX \`idx_eri_process_dead_current_node\` (\`dead\`, \`current_node_id\`), INDEX \`idx_eri_process_asleep_current_node\` (\`asleep\`, \`current_node_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rollback_node_snapshot\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`root_pipeline_id\` varchar(64) NOT NULL, \`node_id\` varchar(64) NOT NULL, \`code\` varchar(255) NOT NULL, \`version\` varchar(64) NOT NULL, \`inputs\` json NOT NULL, \`outputs\` json NOT NULL, \`context_values\` json NOT NULL, \`rolled_back\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_rollback_node_snapshot_root_node\` (\`root_pipeline_id\`, \`node_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rollback_plan\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`root_pipeline_id\` varchar(64) NOT NULL, \`start_node_id\` varchar(64) NOT NULL, \`target_node_id\` varchar(64) NOT NULL, \`mode\` varchar(32) NOT NULL DEFAULT 'TOKEN', \`options\` json NOT NULL, \`is_expired\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_rollback_plan_root_pipeline_id\` (\`root_pipeline_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rollback_snapshot\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`root_pipeline_id\` varchar(64) NOT NULL, \`graph\` json NOT NULL, \`node_access_record\` json NOT NULL, \`skip_rollback_nodes\` json NOT NULL, \`other_nodes\` json NOT NULL, \`start_node_id\` varchar(64) NOT NULL, \`target_node_id\` varchar(64) NOT NULL, \`is_expired\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_rollback_snapshot_root_pipeline_id\` (\`root_pipeline_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`rollback_token\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`root_pipeline_id\` varchar(64) NOT NULL, \`token\` json NOT NULL, \`is_deleted\` tinyint NOT NULL DEFAULT 0, INDEX \`idx_rollback_token_root_pipeline_id\` (\`root_pipeline_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`eri_schedule\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`type\` int NOT NULL, \`process_id\` bigint NOT NULL DEFAULT '-1', \`node_id\` varchar(64) NOT NULL, \`finished\` tinyint NOT NULL DEFAULT 0, \`expired\` tinyint NOT NULL DEFAULT 0, \`scheduling\` tinyint NOT NULL DEFAULT 0, \`version\` varchar(64) NOT NULL, \`schedule_times\` int NOT NULL DEFAULT '0', \`lock_acquired_at\` datetime(6) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_eri_schedule_lock\` (\`scheduling\`, \`lock_acquired_at\`), UNIQUE INDEX \`uq_eri_schedule_node_version\` (\`node_id\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`timeout_nodes_record\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`timeout_nodes\` json NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`timeout_nodes_record\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_schedule_node_version\` ON \`eri_schedule\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_schedule_lock\` ON \`eri_schedule\``);
    await queryRunner.query(`DROP TABLE \`eri_schedule\``);
    await queryRunner.query(`DROP INDEX \`idx_rollback_token_root_pipeline_id\` ON \`rollback_token\``);
    await queryRunner.query(`DROP TABLE \`rollback_token\``);
    await queryRunner.query(`DROP INDEX \`idx_rollback_snapshot_root_pipeline_id\` ON \`rollback_snapshot\``);
    await queryRunner.query(`DROP TABLE \`rollback_snapshot\``);
    await queryRunner.query(`DROP INDEX \`idx_rollback_plan_root_pipeline_id\` ON \`rollback_plan\``);
    await queryRunner.query(`DROP TABLE \`rollback_plan\``);
    await queryRunner.query(`DROP INDEX \`idx_rollback_node_snapshot_root_node\` ON \`rollback_node_snapshot\``);
    await queryRunner.query(`DROP TABLE \`rollback_node_snapshot\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_asleep_current_node\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_dead_current_node\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_suspended_by\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_root_pipeline_id\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_current_node_id\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_last_heartbeat\` ON \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_process_parent_id\` ON \`eri_process\``);
    await queryRunner.query(`DROP TABLE \`eri_process\``);
    await queryRunner.query(`DROP INDEX \`idx_plugin_execute_task_scheduling\` ON \`plugin_execute_task\``);
    await queryRunner.query(`DROP INDEX \`idx_plugin_execute_task_component_code\` ON \`plugin_execute_task\``);
    await queryRunner.query(`DROP TABLE \`plugin_execute_task\``);
    await queryRunner.query(`DROP INDEX \`idx_bamboo_pipeline_instance_created_time\` ON \`bamboo_pipeline_instance\``);
    await queryRunner.query(`DROP INDEX \`idx_bamboo_pipeline_instance_name\` ON \`bamboo_pipeline_instance\``);
    await queryRunner.query(`DROP INDEX \`uq_bamboo_pipeline_instance_pipeline_id\` ON \`bamboo_pipeline_instance\``);
    await queryRunner.query(`DROP TABLE \`bamboo_pipeline_instance\``);
    await queryRunner.query(`DROP INDEX \`idx_periodic_task_enabled\` ON \`periodic_task\``);
    await queryRunner.query(`DROP TABLE \`periodic_task\``);
    await queryRunner.query(`DROP INDEX \`idx_periodic_task_history_task_id\` ON \`periodic_task_history\``);
    await queryRunner.query(`DROP TABLE \`periodic_task_history\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_node_node_id\` ON \`eri_node\``);
    await queryRunner.query(`DROP TABLE \`eri_node\``);
    await queryRunner.query(
      `DROP INDEX \`idx_node_timer_event_config_root_pipeline_id\` ON \`node_timer_event_config\``,
    );
    await queryRunner.query(`DROP TABLE \`node_timer_event_config\``);
    await queryRunner.query(`DROP INDEX \`idx_node_timeout_config_root_node\` ON \`node_timeout_config\``);
    await queryRunner.query(`DROP TABLE \`node_timeout_config\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_state_parent_id\` ON \`eri_state\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_state_root_id\` ON \`eri_state\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_state_node_id\` ON \`eri_state\``);
    await queryRunner.query(`DROP TABLE \`eri_state\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_data_node_id\` ON \`eri_data\``);
    await queryRunner.query(`DROP TABLE \`eri_data\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_log_entry_node_loop\` ON \`eri_log_entry\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_log_entry_node_version\` ON \`eri_log_entry\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_log_entry_logged_at\` ON \`eri_log_entry\``);
    await queryRunner.query(`DROP TABLE \`eri_log_entry\``);
    await queryRunner.query(`DROP TABLE \`expired_nodes_record\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_execution_history_node_loop\` ON \`eri_execution_history\``);
    await queryRunner.query(`DROP TABLE \`eri_execution_history\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_execution_data_node_id\` ON \`eri_execution_data\``);
    await queryRunner.query(`DROP TABLE \`eri_execution_data\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_context_value_pipeline_key\` ON \`eri_context_value\``);
    await queryRunner.query(`DROP TABLE \`eri_context_value\``);
    await queryRunner.query(`DROP INDEX \`uq_eri_context_outputs_pipeline_id\` ON \`eri_context_outputs\``);
    await queryRunner.query(`DROP TABLE \`eri_context_outputs\``);
    await queryRunner.query(`DROP INDEX \`uq_component_model_code_version\` ON \`component_model\``);
    await queryRunner.query(`DROP INDEX \`idx_component_model_version\` ON \`component_model\``);
    await queryRunner.query(`DROP INDEX \`idx_component_model_code\` ON \`component_model\``);
    await queryRunner.query(`DROP TABLE \`component_model\``);
    await queryRunner.query(`DROP INDEX \`idx_eri_callback_data_node_version\` ON \`eri_callback_data\``);
    await queryRunner.query(`DROP TABLE \`eri_callback_data\``);
  }
}
