// Callback data handled by a schedule step (StepCommit.consumeCallbackData, ADR 0003 addendum).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallbackDataConsumedMysql1760000000002 implements MigrationInterface {
  name = 'CallbackDataConsumedMysql1760000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `eri_callback_data` ADD `consumed` tinyint NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `eri_callback_data` DROP COLUMN `consumed`');
  }
}
