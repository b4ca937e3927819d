// (c) Listing and searching 100,000 ideas through the services layer, against a raw
// better-sqlite3 "newest 50" query on the same file; plus one search over HTTP, for information.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createServices } from '../src/services/app.js';
import { LOCAL_ACTOR, LOCAL_USER_NAME, systemClock } from '../src/services/context.js';
import { ensureUser } from '../src/services/user.service.js';
import { openStore } from '../src/store/connect.js';
import { keepAliveAgent, send } from './http.js';
import { ROOT, startServerProcess } from './processes.js';
import { COMMON_WORD, RARE_WORD, SPARSE_AREA, seedIdeas } from './seed.js';
import { type BenchResult, fmtMs, median, msSince, percentile, tempDir, timeRuns } from './stats.js';

const IDEAS = 100_000;
const RUNS = 200;
const WARMUP = 20;
const TARGET_P95_MS = 20;

export async function listSearch(): Promise<BenchResult[]> {
  const tmp = tempDir('list');
  const file = join(tmp.dir, 'whetstone.db');
  try {
    console.log(`\n(c) list and search over ${IDEAS.toLocaleString('en')} ideas, ${RUNS} timed runs each`);
    const store = await openStore({ engine: 'sqlite', path: file });
    await ensureUser(store, LOCAL_ACTOR, LOCAL_USER_NAME, systemClock);
    const seedStart = process.hrtime.bigint();
    await seedIdeas(store, LOCAL_ACTOR.userId, IDEAS);
    console.log(`  seeded in ${(msSince(seedStart) / 1000).toFixed(1)} s`);

    const raw = new Database(file, { readonly: true });
    const matching = raw.prepare('select count(*) from ideas_fts where ideas_fts match ?').pluck();
    const count = (word: string) => matching.get(`"${word}"*`) as number;
    console.log(`  "${RARE_WORD}" matches ${count(RARE_WORD)} ideas, "${COMMON_WORD}" ${count(COMMON_WORD)}`);
    const newest = raw.prepare(
      'select * from ideas where user_id = ? order by created_at desc, id desc limit 50',
    );
    const baseline = await timeRuns(RUNS, WARMUP, () => newest.all(LOCAL_ACTOR.userId));
    const baseP50 = median(baseline);
    printRow('raw better-sqlite3 newest 50', baseline, 'baseline');
    raw.close();

    const ideas = createServices(store).ideas;
    let cursor: string | undefined;
    for (let page = 1; page < 20; page++) {
      cursor = (await ideas.list(LOCAL_ACTOR, { limit: 50, cursor })).nextCursor ?? undefined;
    }
    const queries: Record<string, Record<string, unknown>> = {
      'first page': {},
      'area = coding': { area: 'coding' },
      [`area = ${SPARSE_AREA} (sparse)`]: { area: SPARSE_AREA },
      'status = trying': { status: 'trying' },
      'page 20 (cursor)': { cursor },
      [`q = ${RARE_WORD}`]: { q: RARE_WORD },
      [`q = ${COMMON_WORD}`]: { q: COMMON_WORD },
      [`q = ${COMMON_WORD}, area`]: { q: COMMON_WORD, area: 'coding' },
    };
    const results: BenchResult[] = [];
    for (const [name, filter] of Object.entries(queries)) {
      const samples = await timeRuns(RUNS, WARMUP, () => ideas.list(LOCAL_ACTOR, { limit: 50, ...filter }));
      const p95 = percentile(samples, 95);
      printRow(name, samples, `p50 ${(median(samples) / baseP50).toFixed(1)}x baseline`);
      results.push({
        name: `list: ${name}`,
        target: `p95 <= ${TARGET_P95_MS} ms`,
        measured: `p95 ${fmtMs(p95)}`,
        pass: p95 <= TARGET_P95_MS,
      });
    }
    await store.close();
    results.push(await httpSearch(file));
    return results;
  } finally {
    tmp.remove();
  }
}

function printRow(label: string, samples: number[], note: string): void {
  const p50 = fmtMs(median(samples)).padStart(9);
  console.log(
    `  ${label.padEnd(30)} p50 ${p50}   p95 ${fmtMs(percentile(samples, 95)).padStart(9)}   (${note})`,
  );
}

/** GET /api/v1/ideas?q=<common word> against `whet serve` on the seeded file, one request at a time. */
async function httpSearch(file: string): Promise<BenchResult> {
  const server = await startServerProcess([
    join(ROOT, 'bin', 'whet.cjs'),
    'serve',
    '--port',
    '0',
    '--db',
    file,
  ]);
  const agent = keepAliveAgent(1);
  try {
    const url = `${server.url}/api/v1/ideas?q=${COMMON_WORD}`;
    const samples = await timeRuns(RUNS, WARMUP, async () => {
      const { status } = await send(agent, url, 'GET');
      if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
    });
    printRow(`HTTP GET ?q=${COMMON_WORD}`, samples, 'information');
    return {
      name: `HTTP: q = ${COMMON_WORD}`,
      target: 'info',
      measured: `p95 ${fmtMs(percentile(samples, 95))}`,
      pass: null,
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
