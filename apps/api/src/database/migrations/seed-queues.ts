import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hospital's three toll-free numbers (seed document): the number a client texts decides the queue. */
export const SEEDED_QUEUES = [
  { code: 'SAC', name: 'Small Animal Clinic', phoneNumber: '+18444073300' },
  { code: 'LAC', name: 'Large Animal Clinic', phoneNumber: '+18444102300' },
  { code: 'VMSC', name: 'VMSC', phoneNumber: '+18444014300' },
] as const;

/** Shared by both drivers: plain INSERTs that SQLite and MySQL/MariaDB read alike. */
export class SeedQueues1796394645751 implements MigrationInterface {
  name = 'SeedQueues1796394645751';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const queue of SEEDED_QUEUES) {
      await queryRunner.query(
        'INSERT INTO queues (code, name, phone_number, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        [queue.code, queue.name, queue.phoneNumber, 'America/Chicago', now, now],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM queues WHERE code IN (${SEEDED_QUEUES.map(() => '?').join(', ')})`,
      SEEDED_QUEUES.map((queue) => queue.code));
  }
}
