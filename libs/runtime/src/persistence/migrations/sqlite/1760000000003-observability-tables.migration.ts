// Worker heartbeats and healer actions for GET /api/v1/engine/status (ADR 0007). Times are epoch
// milliseconds. Never edit a released migration: add a new one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ObservabilityTablesSqlite1760000000003 implements MigrationInterface {
  name = 'ObservabilityTablesSqlite1760000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bamboo_worker_heartbeat" ("id" varchar(128) PRIMARY KEY NOT NULL, "hostname" varchar(255) NOT NULL, "pid" integer NOT NULL, "queues" text NOT NULL, "started_at" bigint NOT NULL, "last_seen" bigint NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_bamboo_worker_heartbeat_last_seen" ON "bamboo_worker_heartbeat" ("last_seen") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bamboo_healer_action" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recorded_at" bigint NOT NULL, "doctor" varchar(64) NOT NULL, "action" varchar(64) NOT NULL, "process_id" varchar(64), "node_id" varchar(64), "detail" text NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bamboo_healer_action"`);
    await queryRunner.query(`DROP TABLE "bamboo_worker_heartbeat"`);
  }
}
