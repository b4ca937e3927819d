/** Number of migrations in `migrate.ts`; SQLite mirrors it in `PRAGMA user_version`. */
export const SCHEMA_VERSION = 13;
