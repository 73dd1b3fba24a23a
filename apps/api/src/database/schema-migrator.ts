import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const LOCK_NAME = 'ivm_schema_migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs pending migrations at start. On MySQL/MariaDB several instances may start together, so
 * they take a named database lock first (GET_LOCK) and only one migrates at a time; the others
 * find nothing pending. SQLite has one process.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const logger = new Logger('SchemaMigrator');
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  if (!mysql) return names(await dataSource.runMigrations({ transaction: 'each' }), logger);

  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    const [row] = await lockRunner.query('SELECT GET_LOCK(?, ?) AS acquired', [LOCK_NAME, LOCK_WAIT_SECONDS]);
    if (Number(row?.acquired) !== 1) {
      throw new Error(`Could not take the migration lock within ${LOCK_WAIT_SECONDS} s: another instance is migrating.`);
    }
    try {
      return names(await dataSource.runMigrations({ transaction: 'each' }), logger);
    } finally {
      await lockRunner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await lockRunner.release();
  }
}

function names(migrations: Array<{ name: string }>, logger: Logger): string[] {
  for (const migration of migrations) logger.log(`Applied migration ${migration.name}`);
  return migrations.map((migration) => migration.name);
}
