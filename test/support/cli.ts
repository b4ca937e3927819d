import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, WHET_BIN } from './paths.js';

export interface RunResult {
  /** Exit code, or null when the process ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the helper had to kill the process because it ran past `timeoutMs`. */
  timedOut: boolean;
}

/** Variables that would point `whet` at a database other than the test's own. */
const LEAKY_VARIABLES = ['WHETSTONE_DB', 'DATABASE_URL', 'PORT', 'XDG_DATA_HOME'] as const;

/**
 * The environment for a spawned `whet`: the parent's, minus anything that picks a database or a
 * team server, plus `vars` (a value of undefined removes a variable).
 */
export function cliEnv(vars: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of LEAKY_VARIABLES) delete env[name];
  // A `whet login` of whoever runs the tests must not send the tests' commands to their server.
  env.XDG_CONFIG_HOME = join(tmpdir(), 'whet-tests-without-login');
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  /** The process is killed (SIGKILL) after this long and the result says `timedOut`. */
  timeoutMs?: number;
  cwd?: string;
  /** Piped into the process's standard input; without it the process gets no input at all. */
  stdin?: string;
}

/** Runs the real `node bin/whet.cjs ...args` and collects its output and exit status. */
export function runWhet(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { env, timeoutMs = 20_000, cwd = REPO_ROOT, stdin } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WHET_BIN, ...args], {
      cwd,
      env,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' (not 'exit') so both output streams have been read to the end.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** A short description of a run, for assertion messages. */
export function describeRun(args: readonly string[], result: RunResult): string {
  return [
    `whet ${args.join(' ')}`,
    `exit ${result.code}${result.signal ? ` (signal ${result.signal})` : ''}${result.timedOut ? ' (timed out)' : ''}`,
    `stdout: ${result.stdout.trimEnd() || '(empty)'}`,
    `stderr: ${result.stderr.trimEnd() || '(empty)'}`,
  ].join('\n');
}

/** Expects exit 1 and exactly one stderr line "whet: ..." that contains each of `mentions`. */
export function expectCliError(
  args: readonly string[],
  result: RunResult,
  mentions: readonly string[],
): void {
  const why = describeRun(args, result);
  expect(result.code, why).toBe(1);
  expect(result.stderr, why).toMatch(/^whet: [^\n]+\n$/);
  for (const mention of mentions) expect(result.stderr, why).toContain(mention);
}
