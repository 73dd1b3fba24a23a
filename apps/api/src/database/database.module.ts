import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source-options';
import { ENTITIES } from './entities';
import { runPendingMigrations } from './schema-migrator';
import { TransactionRunner } from './transaction-runner';

/** The database from DATABASE_URL, migrated before anything else uses it. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // A database that is down at start fails the start quickly with its error, not after minutes of retries.
      useFactory: async (config: AppConfig) => ({
        ...(await buildDataSourceOptions(config.database)),
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runPendingMigrations(dataSource);
        return dataSource;
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [TransactionRunner],
  exports: [TypeOrmModule, TransactionRunner],
})
export class DatabaseModule {}
