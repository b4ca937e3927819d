import { execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/free-port.js';

/**
 * A throwaway PostgreSQL 15 cluster for one test run: initdb in a fresh temp dir, a free port on
 * 127.0.0.1 only, trust auth, fsync off. PostgreSQL refuses to run as root, so under root the
 * binaries run as the `postgres` system user via `su`.
 */
export const PG_BIN = process.env.WHETSTONE_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export interface PgCluster {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  dir: string;
  stop(): Promise<void>;
  /** Synchronous stop for process-exit handlers; safe to call more than once. */
  stopSync(): void;
}

const asRoot = process.getuid?.() === 0;

/** Single-quotes `arg` for /bin/sh. */
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** The command line to run `bin` with `args`, as `postgres` when we are root. */
function command(bin: string, args: string[]): [string, string[]] {
  const file = join(PG_BIN, bin);
  if (!asRoot) return [file, args];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(quote).join(' ')]];
}

function assertInstalled(): void {
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((b) => !existsSync(join(PG_BIN, b)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL 15 server binaries not found (${missing.join(', ')} missing in ${PG_BIN}). ` +
        'Install the Debian package postgresql-15 (apt-get install postgresql-15), ' +
        'or set WHETSTONE_TEST_PG_BIN to the directory holding initdb and pg_ctl.',
    );
  }
}

async function pg(bin: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = command(bin, args);
  try {
    await run(file, argv, { cwd, timeout: 90_000 });
  } catch (error) {
    const err = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

function chownToPostgres(path: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(path, uid, gid);
}

/**
 * Stops the cluster even if the test runner is killed outright (SIGKILL): a detached shell waits
 * for our process to disappear, then stops the server and removes the directory.
 */
function startWatchdog(dataDir: string, dir: string): number | undefined {
  const [file, argv] = command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']);
  const stop = [file, ...argv].map(quote).join(' ');
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stop} >/dev/null 2>&1; rm -rf ${quote(dir)}`;
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

export async function startPostgres(): Promise<PgCluster> {
  assertInstalled();
  const dir = mkdtempSync('/tmp/whet-pg-');
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'sock');
  mkdirSync(socketDir);
  if (asRoot) {
    chownToPostgres(dir);
    chownToPostgres(socketDir);
  }
  let stopped = false;
  let watchdog: number | undefined;
  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    const [file, argv] = command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']);
    try {
      if (existsSync(join(dataDir, 'postmaster.pid')))
        execFileSync(file, argv, { cwd: dir, stdio: 'ignore' });
    } catch {
      // already gone
    }
    if (watchdog) {
      try {
        process.kill(watchdog);
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale'], dir);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${socketDir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const log = join(dir, 'server.log');
    watchdog = startWatchdog(dataDir, dir);
    await pg('pg_ctl', ['start', '-D', dataDir, '-l', log, '-w', '-t', '60', '-o', options], dir);
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dir,
      stopSync,
      stop: async () => stopSync(),
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}
