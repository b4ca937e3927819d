// The throughput baseline: a bare node:http server doing the same capture insert with
// better-sqlite3 (same table shape, indexes and full-text trigger as Whetstone's SQLite schema).
// Usage: node --import tsx bench/baseline-server.ts <db-file> [full|normal]  (SQLite's synchronous)
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: baseline-server.ts <db-file>');

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${process.argv[3] === 'normal' ? 'NORMAL' : 'FULL'}`);
db.exec(`
  create table if not exists ideas (
    seq integer primary key, id text not null unique, user_id text not null, text text not null,
    area_id text, source text not null, status text not null,
    value integer check (value between 1 and 5), effort text check (effort in ('S', 'M', 'L')),
    context text, created_at text not null, updated_at text not null, status_changed_at text not null);
  create index if not exists ideas_user_recent on ideas (user_id, created_at desc, id desc);
  create index if not exists ideas_user_area_recent on ideas (user_id, area_id, created_at desc);
  create index if not exists ideas_user_status_recent on ideas (user_id, status, created_at desc);
  create virtual table if not exists ideas_fts using fts5(text, context, content='ideas',
    content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
  create trigger if not exists ideas_fts_insert after insert on ideas begin
    insert into ideas_fts(rowid, text, context) values (new.seq, new.text, new.context); end;
`);
const insert = db.prepare(
  `insert into ideas (id, user_id, text, area_id, source, status, value, effort, context,
     created_at, updated_at, status_changed_at)
   values (@id, @user_id, @text, @area_id, @source, @status, @value, @effort, @context,
     @created_at, @updated_at, @status_changed_at)`,
);

interface CaptureBody {
  text?: unknown;
  areaId?: unknown;
  value?: unknown;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: CaptureBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString()) as CaptureBody;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== 'POST' || typeof body.text !== 'string') {
      res.writeHead(422).end();
      return;
    }
    const now = new Date().toISOString();
    const idea = {
      id: randomBytes(5).toString('hex'),
      user_id: 'local',
      text: body.text,
      area_id: typeof body.areaId === 'string' ? body.areaId : null,
      source: 'noticed',
      status: 'new',
      value: typeof body.value === 'number' ? body.value : null,
      effort: null,
      context: null,
      created_at: now,
      updated_at: now,
      status_changed_at: now,
    };
    insert.run(idea);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(idea));
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`Baseline is running at http://127.0.0.1:${port}/\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
