// (b) Capture throughput of the real Whetstone server against a bare node:http + better-sqlite3
// server, each loaded in turn by a separate load-generator process (bench/load.ts).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { keepAliveAgent, send } from './http.js';
import type { LoadOptions, LoadReport } from './load.js';
import { ROOT, type RunningServer, startServerProcess, tsxArgs } from './processes.js';
import { type BenchResult, fmtMs, tempDir } from './stats.js';
import { setUpTeam, TEAM_ADMIN } from './team-setup.js';

const CONNECTIONS = 32;
const WARMUP_MS = 1000;
const DURATION_MS = 5000;
const TARGET_RATIO = 0.5;
const BODY = JSON.stringify({
  text: 'Write the experiment log before running the sweep, not after',
  areaId: 'coding',
  value: 3,
});

async function loadTest(server: RunningServer, headers?: Record<string, string>): Promise<LoadReport> {
  const options: LoadOptions = {
    url: `${server.url}/api/v1/ideas`,
    body: BODY,
    ...(headers ? { headers } : {}),
    connections: CONNECTIONS,
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
  };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    tsxArgs('load.ts', JSON.stringify(options)),
    {
      cwd: ROOT,
    },
  );
  const report = JSON.parse(stdout) as LoadReport;
  if (report.requests === 0) throw new Error(`no successful requests against ${server.url}`);
  return report;
}

async function measure(
  label: string,
  serverArgs: string[],
  signIn?: (server: RunningServer) => Promise<Record<string, string>>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadReport> {
  const server = await startServerProcess(serverArgs, env);
  try {
    const report = await loadTest(server, signIn ? await signIn(server) : undefined);
    console.log(
      `  ${label.padEnd(11)} ${report.rps.toFixed(0).padStart(6)} req/s   p50 ${fmtMs(report.p50).padStart(8)}` +
        `   p99 ${fmtMs(report.p99).padStart(8)}   (${report.requests} ok, ${report.errors} errors)`,
    );
    return report;
  } finally {
    await server.stop();
  }
}

export async function apiThroughput(): Promise<BenchResult[]> {
  const tmp = tempDir('api');
  try {
    console.log(
      `\n(b) POST /api/v1/ideas, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up`,
    );
    const whetArgs = [
      join(ROOT, 'bin', 'whet.cjs'),
      'serve',
      '--port',
      '0',
      '--db',
      join(tmp.dir, 'whet.db'),
    ];
    const whet = await measure('Whetstone', whetArgs);
    const base = await measure(
      'baseline',
      tsxArgs('baseline-server.ts', join(tmp.dir, 'baseline.db'), 'full'),
    );
    // What syncing every commit costs (decision 0022): the same server with synchronous=NORMAL.
    const normal = await measure(
      'sync=NORMAL',
      [...whetArgs.slice(0, -1), join(tmp.dir, 'normal.db')],
      undefined,
      { ...process.env, WHETSTONE_SQLITE_SYNC: 'normal' },
    );
    const teamDb = join(tmp.dir, 'team.db');
    await setUpTeam(teamDb);
    const team = await measure('team+auth', [...whetArgs.slice(0, -1), teamDb, '--team'], signInHeaders);
    const ratio = whet.rps / base.rps;
    const authRatio = team.rps / whet.rps;
    const syncRatio = whet.rps / normal.rps;
    console.log(`  ratio synchronous FULL / NORMAL req/s = ${syncRatio.toFixed(2)}`);
    console.log(`  ratio Whetstone / baseline req/s = ${ratio.toFixed(2)}`);
    console.log(`  ratio team (signed in) / solo req/s = ${authRatio.toFixed(2)}`);
    return [
      {
        name: 'API capture throughput',
        target: `ratio >= ${TARGET_RATIO}`,
        measured: `ratio ${ratio.toFixed(2)} (${whet.rps.toFixed(0)} vs ${base.rps.toFixed(0)} req/s)`,
        pass: ratio >= TARGET_RATIO,
      },
      {
        name: 'API capture, signed in (team) vs solo',
        target: 'info',
        measured: `ratio ${authRatio.toFixed(2)} (${team.rps.toFixed(0)} vs ${whet.rps.toFixed(0)} req/s; p99 ${fmtMs(team.p99)})`,
        pass: null,
      },
      {
        name: 'API capture, SQLite sync FULL vs NORMAL',
        target: 'info',
        measured: `ratio ${syncRatio.toFixed(2)} (${whet.rps.toFixed(0)} vs ${normal.rps.toFixed(0)} req/s; p99 ${fmtMs(whet.p99)} vs ${fmtMs(normal.p99)})`,
        pass: null,
      },
      {
        name: 'API capture p99 latency',
        target: 'info',
        measured: `${fmtMs(whet.p99)} vs ${fmtMs(base.p99)} baseline`,
        pass: null,
      },
    ];
  } finally {
    tmp.remove();
  }
}

/** Signs the admin in; every request of the load then carries the session cookie and the Origin. */
async function signInHeaders(server: RunningServer): Promise<Record<string, string>> {
  const agent = keepAliveAgent(1);
  const origin = new URL(server.url).origin;
  const res = await send(agent, `${server.url}/api/v1/auth/sign-in`, 'POST', JSON.stringify(TEAM_ADMIN), {
    origin,
  });
  const cookie = res.setCookie.map((line) => line.split(';')[0]).join('; ');
  if (res.status !== 200 || !cookie) throw new Error(`bench sign-in failed: ${res.status} ${res.body}`);
  return { cookie, origin };
}
