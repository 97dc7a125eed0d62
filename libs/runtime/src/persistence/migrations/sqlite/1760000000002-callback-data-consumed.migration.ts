// Callback data handled by a schedule step (StepCommit.consumeCallbackData, ADR 0003 addendum).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallbackDataConsumedSqlite1760000000002 implements MigrationInterface {
  name = 'CallbackDataConsumedSqlite1760000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "eri_callback_data" ADD COLUMN "consumed" boolean NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "eri_callback_data" DROP COLUMN "consumed"`);
  }
}
