// Worker heartbeats and healer actions for GET /api/v1/engine/status (ADR 0007). Times are epoch
// milliseconds. Never edit a released migration: add a new one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ObservabilityTablesMysql1760000000003 implements MigrationInterface {
  name = 'ObservabilityTablesMysql1760000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`bamboo_worker_heartbeat\` (\`id\` varchar(128) NOT NULL, \`hostname\` varchar(255) NOT NULL, \`pid\` int NOT NULL, \`queues\` text NOT NULL, \`started_at\` bigint NOT NULL, \`last_seen\` bigint NOT NULL, INDEX \`idx_bamboo_worker_heartbeat_last_seen\` (\`last_seen\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bamboo_healer_action\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`recorded_at\` bigint NOT NULL, \`doctor\` varchar(64) NOT NULL, \`action\` varchar(64) NOT NULL, \`process_id\` varchar(64) NULL, \`node_id\` varchar(64) NULL, \`detail\` text NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`bamboo_healer_action\``);
    await queryRunner.query(`DROP TABLE \`bamboo_worker_heartbeat\``);
  }
}
