// Makes the fixture of one earlier schema version: checks out the last commit at which that
// version was current in a temporary git worktree, builds that release's `whet`, drives its own
// HTTP API (`whet serve` with the test clock) to fill a SQLite database with every entity the
// version had, and saves the database and that release's own JSON export in
// test/fixtures/schema/v<N>/. See test/fixtures/schema/README.md.
//
//   node scripts/make-schema-fixture.mjs 5            # the release at which version 5 was current
//   node scripts/make-schema-fixture.mjs 7 --commit HEAD
//   node scripts/make-schema-fixture.mjs 5 --print-commit   # only says which commit it would use
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { seedSolo, seedTeam } from './schema-fixture/seed.mjs';

const REPO = resolve(new URL('..', import.meta.url).pathname);
const git = (...args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

const version = Number(process.argv[2]);
const commitFlag = process.argv.indexOf('--commit');
if (!Number.isInteger(version) || version < 1) {
  console.error('usage: node scripts/make-schema-fixture.mjs VERSION [--commit REV]');
  process.exit(2);
}

/**
 * The newest commit at which `version` was current and its migrations 1..N were already what they
 * are today: before the next bump (or HEAD), skipping work-in-progress commits that edited an
 * unreleased migration in place.
 */
function releaseCommit() {
  if (commitFlag > 0) return git('rev-parse', process.argv[commitFlag + 1]);
  const bumps = git('log', '--format=%H', '--', 'src/store/schema-version.ts').split('\n');
  const versionAt = (rev) =>
    Number(/SCHEMA_VERSION = (\d+)/.exec(git('show', `${rev}:src/store/schema-version.ts`))?.[1]);
  const next = bumps.find((rev) => versionAt(rev) === version + 1);
  const migrations = (rev) =>
    git('ls-tree', rev, 'src/store/migrations/')
      .split('\n')
      .filter((line) => Number(/\/(\d{4})-/.exec(line)?.[1]) <= version)
      .join('\n');
  const today = migrations('HEAD');
  const candidates = git('log', '--format=%H', next ? `${next}^` : 'HEAD').split('\n');
  const commit = candidates.find((rev) => versionAt(rev) === version && migrations(rev) === today);
  if (!commit)
    throw new Error(`no commit has SCHEMA_VERSION = ${version} with today's migrations 1..${version}`);
  return commit;
}

/** Starts that release's `whet serve` on a free port; resolves with its base URL and a stop(). */
async function serve(tree, db, team) {
  const args = ['bin/whet.cjs', 'serve', '--port', '0', '--db', db, ...(team ? ['--team'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: tree,
    env: { ...process.env, WHETSTONE_TEST_HOOKS: '1', TZ: 'UTC', WHETSTONE_SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines = createInterface({ input: child.stdout });
  let setupLink;
  const url = await new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`whet serve exited with ${code}`)));
    lines.on('line', (line) => {
      const link = /(https?:\/\/\S+\/setup\/\S+)/.exec(line);
      if (link) setupLink = link[1];
      const running = /running at (http:\/\/\S+)/.exec(line);
      if (running) setTimeout(() => ok(running[1].replace(/\/$/, '')), team ? 300 : 0);
    });
  });
  return {
    url,
    setupLink: () => setupLink,
    stop: () =>
      new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

const children = new Set();
const commit = releaseCommit();
if (process.argv.includes('--print-commit')) {
  console.log(commit);
  process.exit(0);
}
const out = join(REPO, 'test', 'fixtures', 'schema', `v${version}`);
const work = mkdtempSync(join(tmpdir(), `whet-fixture-v${version}-`));
const tree = join(work, 'tree');
const db = join(work, 'data', 'whetstone.db');
console.log(`v${version}: release ${commit.slice(0, 7)}, working in ${work}`);
git('worktree', 'add', '--detach', tree, commit);
try {
  symlinkSync(join(REPO, 'node_modules'), join(tree, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: tree, stdio: 'inherit' });
  mkdirSync(join(work, 'data'));

  const solo = await serve(tree, db, false);
  const backup = await seedSolo(solo.url, version);
  await solo.stop();
  let team = null;
  if (version >= 6) {
    const server = await serve(tree, db, true);
    team = await seedTeam(server.url, server.setupLink(), version);
    await server.stop();
  }

  mkdirSync(out, { recursive: true });
  rmSync(join(out, 'whetstone.db'), { force: true });
  // One self-contained file (no -wal), compacted.
  const sqlite = new Database(db);
  sqlite.prepare('vacuum into ?').run(join(out, 'whetstone.db'));
  sqlite.close();
  writeFileSync(join(out, 'export.json'), `${JSON.stringify(backup, null, 2)}\n`);
  const manifest = {
    schemaVersion: version,
    release: commit,
    releaseSubject: git('log', '-1', '--format=%s', commit).slice(0, 120),
    madeWith: 'node scripts/make-schema-fixture.mjs',
    exportedUser: 'local',
    ...(team ? { team } : {}),
  };
  writeFileSync(join(out, 'fixture.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`v${version}: wrote ${out} (${readFileSync(join(out, 'whetstone.db')).length} bytes)`);
} finally {
  for (const child of children) child.kill('SIGKILL');
  git('worktree', 'remove', '--force', tree);
  rmSync(work, { recursive: true, force: true });
}
