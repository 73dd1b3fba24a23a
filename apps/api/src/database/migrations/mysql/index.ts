// Every migration of this driver in timestamp order (written by scripts/generate-migration.ts).
import type { MigrationInterface } from 'typeorm';
import * as m0 from './1796394645750-initial-schema';
import * as m1 from './1796394645751-seed-queues';
import * as m2 from './1796395610278-staff-sessions-audit-and-sandi-cache';

type MigrationClass = new () => MigrationInterface;
export const MYSQL_MIGRATIONS: MigrationClass[] = [m0, m1, m2].flatMap(
  (module) => Object.values(module) as MigrationClass[],
);
