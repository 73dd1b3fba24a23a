// The queue seed is the same SQL on both drivers; it runs right after the first schema migration.
export { SeedQueues1796394645751 } from '../seed-queues';
