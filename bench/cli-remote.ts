// (e) `whet idea` against a team server (one HTTP request after `whet login`), against the local
// fast path and against a bare `node -e` doing the same request to the same server, in one run.
// Ratios only: the bare request is the floor any client in Node pays.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServerProcess } from './processes.js';
import { type BenchResult, fmtMs, median, msSince, percentile, tempDir } from './stats.js';
import { setUpTeam, TEAM_ADMIN } from './team-setup.js';

const ROUNDS = 21;
const WARMUP_ROUNDS = 2;
const IDEA = 'Pair-review the data loader before each experiment';

function timeNode(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  const elapsed = msSince(start);
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

/** A minimal client: node:http, the token, the JSON body, the id printed. */
function bareRequest(url: string, token: string): string {
  return `const r=require('node:http').request(${JSON.stringify(`${url}/api/v1/ideas`)},{method:'POST',headers:{'content-type':'application/json',authorization:${JSON.stringify(`Bearer ${token}`)}}},(s)=>{let b='';s.on('data',(c)=>b+=c);s.on('end',()=>{if(s.statusCode!==201)process.exit(1);console.log(JSON.parse(b).id)})});r.end(${JSON.stringify(JSON.stringify({ text: IDEA }))})`;
}

export async function cliRemote(): Promise<BenchResult[]> {
  const tmp = tempDir('cli-remote');
  const whet = join(ROOT, 'bin', 'whet.cjs');
  const teamDb = join(tmp.dir, 'team.db');
  await setUpTeam(teamDb);
  const server = await startServerProcess([whet, 'serve', '--team', '--port', '0', '--db', teamDb]);
  try {
    const config = join(tmp.dir, 'config');
    const remoteEnv: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: config };
    // Either would mean the local database, which outranks a login.
    delete remoteEnv.WHETSTONE_DB;
    delete remoteEnv.DATABASE_URL;
    // Logged in the way a person is: `whet login` creates the token and stores it.
    timeNode([whet, 'login', server.url, '--email', TEAM_ADMIN.email], {
      ...remoteEnv,
      WHETSTONE_PASSWORD: TEAM_ADMIN.password,
    });
    const credentials = readFileSync(join(config, 'whetstone', 'credentials.json'), 'utf8');
    const { token } = JSON.parse(credentials) as { token: string };
    mkdirSync(join(tmp.dir, 'no-login'));
    const localEnv = {
      ...remoteEnv,
      XDG_CONFIG_HOME: join(tmp.dir, 'no-login'),
      WHETSTONE_DB: join(tmp.dir, 'local.db'),
    };
    // The first local capture creates and migrates the database; later ones take the fast path.
    timeNode([whet, 'idea', 'warm-up capture that creates the database'], localEnv);

    const commands = [
      { name: 'node -e 0', args: ['-e', '0'], env: localEnv, times: [] as number[] },
      {
        name: 'node -e request',
        args: ['-e', bareRequest(server.url, token)],
        env: localEnv,
        times: [] as number[],
      },
      { name: 'whet idea local', args: [whet, 'idea', IDEA], env: localEnv, times: [] as number[] },
      { name: 'whet idea remote', args: [whet, 'idea', IDEA], env: remoteEnv, times: [] as number[] },
    ];
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const command of commands) {
        const ms = timeNode(command.args, command.env);
        if (round >= WARMUP_ROUNDS) command.times.push(ms);
      }
    }

    console.log(`\n(e) whet idea against a team server, ${ROUNDS} alternating runs each`);
    for (const { name, times } of commands)
      console.log(
        `  ${name.padEnd(18)} median ${fmtMs(median(times)).padStart(9)}   p90 ${fmtMs(percentile(times, 90))}`,
      );
    const [node, bare, local, remote] = commands.map((c) => median(c.times)) as [
      number,
      number,
      number,
      number,
    ];
    console.log(`  ratio remote / bare request = ${(remote / bare).toFixed(2)}`);
    console.log(`  ratio remote / local fast path = ${(remote / local).toFixed(2)}`);
    console.log(`  ratio bare request / node -e 0 = ${(bare / node).toFixed(2)}`);
    return [
      {
        name: 'CLI remote capture vs bare request',
        target: 'info',
        measured: `ratio ${(remote / bare).toFixed(2)} (${fmtMs(remote)} vs ${fmtMs(bare)})`,
        pass: null,
      },
      {
        name: 'CLI remote capture vs local',
        target: 'info',
        measured: `ratio ${(remote / local).toFixed(2)} (${fmtMs(remote)} vs ${fmtMs(local)})`,
        pass: null,
      },
    ];
  } finally {
    await server.stop();
    tmp.remove();
  }
}
