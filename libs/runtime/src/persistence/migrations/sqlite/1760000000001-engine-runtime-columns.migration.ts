// The engine runtime's additions (ADR 0003): the process task token and its node, a run index on
// eri_node, and the id blocks. Never edit a released migration: add a new one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EngineRuntimeColumnsSqlite1760000000001 implements MigrationInterface {
  name = 'EngineRuntimeColumnsSqlite1760000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bamboo_id_block" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(`ALTER TABLE "eri_node" ADD COLUMN "root_pipeline_id" varchar(64) NOT NULL DEFAULT ('')`);
    await queryRunner.query(`CREATE INDEX "idx_eri_node_root_pipeline_id" ON "eri_node" ("root_pipeline_id") `);
    await queryRunner.query(`ALTER TABLE "eri_process" ADD COLUMN "task_token" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "eri_process" ADD COLUMN "task_node_id" varchar(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "eri_process" DROP COLUMN "task_node_id"`);
    await queryRunner.query(`ALTER TABLE "eri_process" DROP COLUMN "task_token"`);
    await queryRunner.query(`DROP INDEX "idx_eri_node_root_pipeline_id"`);
    await queryRunner.query(`ALTER TABLE "eri_node" DROP COLUMN "root_pipeline_id"`);
    await queryRunner.query(`DROP TABLE "bamboo_id_block"`);
  }
}
