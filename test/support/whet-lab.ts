import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cliEnv, describeRun, type RunResult } from './cli.js';
import { REPO_ROOT, WHET_BIN } from './paths.js';
import type { TempDirs } from './temp.js';

/**
 * One temp SQLite database driven through the real built `whet`, with the CLI's test clock set to
 * a chosen instant (WHETSTONE_TEST_HOOKS=1 + WHETSTONE_CLOCK_OFFSET_MS), so dates are known.
 */
export class WhetLab {
  readonly db: string;
  readonly root: string;
  private offset = 0;

  constructor(dirs: TempDirs, now?: string) {
    this.root = dirs.make('whet-lab');
    this.db = join(this.root, 'whet.db');
    if (now) this.setNow(now);
  }

  /** From now on the CLI believes it is `iso` (plus the few seconds the test takes). */
  setNow(iso: string): void {
    this.offset = Date.parse(iso) - Date.now();
  }

  file(name: string): string {
    return join(this.root, name);
  }

  env(): NodeJS.ProcessEnv {
    return cliEnv({
      HOME: this.root,
      XDG_DATA_HOME: join(this.root, 'xdg'),
      WHETSTONE_DB: this.db,
      WHETSTONE_TEST_HOOKS: '1',
      WHETSTONE_CLOCK_OFFSET_MS: String(this.offset),
      // The "system" zone, used until a test chooses one.
      TZ: 'UTC',
    });
  }

  /** Runs `whet ...args`, with `stdin` piped in when given (else no input at all). */
  run(args: readonly string[], stdin?: string): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [WHET_BIN, ...args], {
        cwd: REPO_ROOT,
        env: this.env(),
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
      }, 20_000);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr, timedOut });
      });
      if (stdin !== undefined) child.stdin!.end(stdin);
    });
  }

  /** Expects exit 0; returns the result. */
  async ok(args: readonly string[], stdin?: string): Promise<RunResult> {
    const result = await this.run(args, stdin);
    expect(result.code, describeRun(args, result)).toBe(0);
    return result;
  }

  /** Runs with `--json`, expects exit 0 and nothing on stderr, and parses stdout. */
  async json<T>(args: readonly string[]): Promise<T> {
    const result = await this.ok([...args, '--json']);
    expect(result.stderr, describeRun(args, result)).toBe('');
    return JSON.parse(result.stdout) as T;
  }

  /** Expects exit 1, nothing on stdout, one stderr line "whet: …" mentioning each of `mentions`. */
  async fails(args: readonly string[], ...mentions: string[]): Promise<string> {
    const result = await this.run(args);
    const why = describeRun(args, result);
    expect(result.code, why).toBe(1);
    expect(result.stdout, why).toBe('');
    expect(result.stderr, why).toMatch(/^whet: [^\n]+\n$/);
    for (const mention of mentions) expect(result.stderr, why).toContain(mention);
    return result.stderr;
  }
}
