import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * TypeORM options for the configured database. `mysql://` URLs work for MySQL 8 and MariaDB;
 * the server is asked which it is, because TypeORM reads MariaDB's column defaults correctly only
 * with its `mariadb` driver type (otherwise it sees schema drift that is not there).
 */
export async function buildDataSourceOptions(database: DatabaseConfig): Promise<DataSourceOptions> {
  if (database.driver === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return {
      type: 'better-sqlite3',
      database: database.path,
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      // WAL lets readers go on while the one writer commits; foreign keys are not used.
      enableWAL: database.path !== ':memory:',
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
      synchronize: false,
      migrationsRun: false,
    };
  }
  const url = database.url.replace(/^mariadb:/, 'mysql:');
  return {
    type: (await isMariaDb(url)) ? 'mariadb' : 'mysql',
    url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { connectionLimit: 20 },
  };
}

async function isMariaDb(url: string): Promise<boolean> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as Array<{ version: string }>)[0]?.version));
  } finally {
    await connection.end();
  }
}
