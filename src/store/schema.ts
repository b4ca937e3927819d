import type { ColumnType, Generated } from 'kysely';

/**
 * Row types as stored. The two engines differ: SQLite keeps timestamps as ISO-8601 text and
 * booleans as 0/1, PostgreSQL as timestamptz and boolean. Repositories normalise both through
 * `rows.ts`; nothing above the store sees an engine's representation.
 */
type Timestamp = ColumnType<string | Date, string, string>;
type Flag = ColumnType<boolean | number, boolean | number, boolean | number>;

export interface UsersTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface AreasTable {
  user_id: string;
  id: string;
  name: string;
  /** Lower-cased, space-collapsed name; unique per user. */
  name_key: string;
  description: string | null;
  is_default: Flag;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export interface IdeasTable {
  /** Stable integer key; SQLite's full-text index refers to it. */
  seq: Generated<number>;
  id: string;
  user_id: string;
  text: string;
  area_id: string | null;
  source: string;
  status: string;
  value: number | null;
  effort: string | null;
  context: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  status_changed_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  areas: AreasTable;
  ideas: IdeasTable;
}

export type Engine = 'sqlite' | 'postgres';
