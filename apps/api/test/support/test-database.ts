import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Whole-app tests run on SQLite unless DATABASE_URL names a MySQL/MariaDB server. On MySQL each
 * test app gets a database of its own (the URL's name plus a random suffix), dropped afterwards,
 * so suites running in parallel never see each other's rows.
 */
export const TEST_MYSQL_URL = /^(mysql|mariadb):\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : null;

export interface TestDatabase {
  url: string;
  driver: 'sqlite' | 'mysql';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_MYSQL_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'ivm-test-'));
    return { url: `sqlite:${join(dir, 'ivm.sqlite')}`, driver: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = new URL(TEST_MYSQL_URL);
  const name = `${base.pathname.slice(1)}_${randomBytes(4).toString('hex')}`;
  const mysql = await import('mysql2/promise');
  const admin = async (sql: string) => {
    const connection = await mysql.createConnection({ uri: `${base.protocol.replace('mariadb', 'mysql')}//${base.username ? `${base.username}${base.password ? `:${base.password}` : ''}@` : ''}${base.host}/` });
    try { await connection.query(sql); } finally { await connection.end(); }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), driver: 'mysql', drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}
