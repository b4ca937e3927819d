import { type Kysely, sql } from 'kysely';
import type { Engine } from '../schema.js';

/** Lower-case letters with diacritics that PostgreSQL search folds to their base letter. */
const ACCENTED = 'áàâäãåāăąçćčďéèêëēėęěğíìîïīįıľłñńňóòôöõøōőŕřśšşťúùûüūůűųýÿžźż';
const NO_DECOMPOSITION: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o' };

function unaccented(letters: string): string {
  return [...letters].map((c) => NO_DECOMPOSITION[c] ?? c.normalize('NFKD').replace(/\p{M}/gu, '')).join('');
}

/** Users, areas and ideas, with full-text search over ideas on each engine. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const timestamp = engine === 'postgres' ? sql`timestamptz` : sql`text`;
  const flag = engine === 'postgres' ? sql`boolean` : sql`integer`;

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_default', flag, (c) => c.notNull())
    .addColumn('archived_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('areas_pk', ['user_id', 'id'])
    .addUniqueConstraint('areas_name_unique', ['user_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('ideas')
    .addColumn('seq', engine === 'postgres' ? 'bigint' : 'integer', (c) =>
      engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.check(sql`value between 1 and 5`))
    .addColumn('effort', 'text', (c) => c.check(sql`effort in ('S', 'M', 'L')`))
    .addColumn('context', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('status_changed_at', timestamp, (c) => c.notNull())
    .addForeignKeyConstraint('ideas_area_fk', ['user_id', 'area_id'], 'areas', ['user_id', 'id'])
    .execute();

  // Every list is "one user's ideas, newest first", optionally narrowed by area, status or source.
  await db.schema
    .createIndex('ideas_user_recent')
    .on('ideas')
    .columns(['user_id', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('ideas_user_area_recent')
    .on('ideas')
    .columns(['user_id', 'area_id', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('ideas_user_status_recent')
    .on('ideas')
    .columns(['user_id', 'status', 'created_at desc', 'id desc'])
    .execute();

  if (engine === 'postgres') {
    // Accents are folded by an immutable SQL function (no superuser-only `unaccent` extension),
    // and each word is indexed twice: as written ('simple', so every word, stop words included,
    // can be found by prefix) and stemmed ('english', so "working" finds "work").
    await sql
      .raw(`create function whet_fold(input text) returns text language sql immutable parallel safe
        return translate(lower(input), '${ACCENTED}', '${unaccented(ACCENTED)}')`)
      .execute(db);
    await sql`alter table ideas add column search tsvector generated always as (
      to_tsvector('simple', whet_fold(text || ' ' || coalesce(context, ''))) ||
      to_tsvector('english', whet_fold(text || ' ' || coalesce(context, '')))) stored`.execute(db);
    await sql`create index ideas_search on ideas using gin (search)`.execute(db);
  } else {
    // External-content FTS5 index kept in step with the table by triggers. Words are indexed as
    // written (no stemmer), so every prefix of a word finds it while someone types; the query
    // side adds each term's stem (see store/search.ts).
    await sql`create virtual table ideas_fts using fts5(text, context, content='ideas',
      content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger ideas_fts_insert after insert on ideas begin
      insert into ideas_fts(rowid, text, context) values (new.seq, new.text, new.context); end`.execute(db);
    await sql`create trigger ideas_fts_delete after delete on ideas begin
      insert into ideas_fts(ideas_fts, rowid, text, context) values ('delete', old.seq, old.text, old.context); end`.execute(
      db,
    );
    await sql`create trigger ideas_fts_update after update of text, context on ideas begin
      insert into ideas_fts(ideas_fts, rowid, text, context) values ('delete', old.seq, old.text, old.context);
      insert into ideas_fts(rowid, text, context) values (new.seq, new.text, new.context); end`.execute(db);
  }
}
