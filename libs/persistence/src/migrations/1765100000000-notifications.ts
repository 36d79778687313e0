import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reserved for notifications (issue 15); filled in by that work (an empty migration changes nothing). */
export class Notifications1765100000000 implements MigrationInterface {
  name = 'Notifications1765100000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
