// (a) Start-up cost of `whet idea "..."` (the fast capture path) against a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './processes.js';
import { type BenchResult, fmtMs, median, msSince, percentile, tempDir } from './stats.js';

const ROUNDS = 21;
const WARMUP_ROUNDS = 2;
const TARGET_RATIO = 1.5;

/** Runs `node args...` once and returns its wall time in ms; throws if it fails. */
function timeNode(args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  const elapsed = msSince(start);
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

export async function cliStartup(): Promise<BenchResult[]> {
  const tmp = tempDir('cli');
  try {
    const env = { ...process.env, WHETSTONE_DB: join(tmp.dir, 'whetstone.db') };
    const whet = join(ROOT, 'bin', 'whet.cjs');
    // The first capture creates and migrates the database (full CLI); later ones take the fast path.
    timeNode([whet, 'idea', 'warm-up capture that creates the database', '--area', 'coding'], env);

    const idea = 'Pair-review the data loader before each experiment';
    const commands = [
      { name: 'node -e 0', args: ['-e', '0'], times: [] as number[] },
      { name: 'whet idea', args: [whet, 'idea', idea, '--area', 'coding'], times: [] as number[] },
      { name: 'whet --version', args: [whet, '--version'], times: [] as number[] },
    ] as const;
    // Alternate the commands round by round so machine noise hits all of them alike.
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const command of commands) {
        const ms = timeNode([...command.args], env);
        if (round >= WARMUP_ROUNDS) command.times.push(ms);
      }
    }

    console.log(`\n(a) CLI start-up, ${ROUNDS} alternating runs each`);
    for (const { name, times } of commands) {
      console.log(
        `  ${name.padEnd(16)} median ${fmtMs(median(times)).padStart(9)}   p90 ${fmtMs(percentile(times, 90))}`,
      );
    }
    const [node, capture, version] = commands.map((c) => median(c.times)) as [number, number, number];
    console.log(`  ratio whet idea / node -e 0 = ${(capture / node).toFixed(2)}`);
    return [
      {
        name: 'CLI capture start-up',
        target: `ratio <= ${TARGET_RATIO}`,
        measured: `ratio ${(capture / node).toFixed(2)} (${fmtMs(capture)} vs ${fmtMs(node)})`,
        pass: capture / node <= TARGET_RATIO,
      },
      {
        name: 'CLI whet --version',
        target: 'info',
        measured: `ratio ${(version / node).toFixed(2)} (${fmtMs(version)})`,
        pass: null,
      },
    ];
  } finally {
    tmp.remove();
  }
}
