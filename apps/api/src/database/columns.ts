import { Column, CreateDateColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

// One column shape per kind of value, so SQLite and MySQL/MariaDB get the same schema from the
// same entity and the migrations of both drivers stay in step with it.

/** A UTC instant with milliseconds (ordering of texts within one second matters). */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, ...options });

// Row timestamps use precision 6 because TypeORM's MySQL default for them is CURRENT_TIMESTAMP(6):
// any other precision reads back as schema drift on every start.
export const CreatedAtColumn = () => CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 });
export const UpdatedAtColumn = () => UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 });

/** E.164 is at most 16 characters with the plus. */
export const PhoneColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 20, ...options });

export const ShortTextColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length, ...options });

/** Free text of any length (a text body is at most 1600 characters; notes and settings may be longer). */
export const LongTextColumn = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });
