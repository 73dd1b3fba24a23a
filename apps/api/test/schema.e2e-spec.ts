import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runPendingMigrations } from '../src/database/schema-migrator';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { loadConfig } from '../src/config/app-config';
import { createTestDatabase } from './support/test-database';

// Runs on SQLite, and on MySQL/MariaDB when DATABASE_URL names one (as .ci/run does).
describe('database schema', () => {
  it('should build from the migrations exactly the schema the entities describe', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(await buildDataSourceOptions(loadConfig({ DATABASE_URL: database.url, JWT_SECRET: 'x' }).database));
    try {
      await dataSource.initialize();
      await runPendingMigrations(dataSource);
      const drift = await dataSource.driver.createSchemaBuilder().log();
      // Any query here means an entity changed without a migration: run `npm run migration:generate -- <Name>`.
      expect(drift.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });

  it('should seed the three hospital numbers once, even when two instances start together', async () => {
    const database = await createTestDatabase();
    const options = await buildDataSourceOptions(loadConfig({ DATABASE_URL: database.url, JWT_SECRET: 'x' }).database);
    const instances = [new DataSource(options), new DataSource(options)];
    try {
      await Promise.all(instances.map((instance) => instance.initialize()));
      // MySQL/MariaDB instances may start together: the migration lock makes one wait for the other.
      // SQLite is one process with one writer, so there they start one after the other.
      const applied = database.driver === 'mysql'
        ? await Promise.all(instances.map((instance) => runPendingMigrations(instance)))
        : [await runPendingMigrations(instances[0]), await runPendingMigrations(instances[1])];
      // One instance migrated; the other found nothing pending.
      expect(applied.flat().sort()).toEqual(instances[0].migrations.map((migration) => migration.name).sort());
      const queues = await instances[0].query('SELECT code, name, phone_number FROM queues ORDER BY id');
      expect(queues).toEqual(SEEDED_QUEUES.map((queue) => ({ code: queue.code, name: queue.name, phone_number: queue.phoneNumber })));
    } finally {
      await Promise.all(instances.filter((instance) => instance.isInitialized).map((instance) => instance.destroy()));
      await database.drop();
    }
  });
});
