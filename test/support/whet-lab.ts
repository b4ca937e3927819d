import { join } from 'node:path';
import { expect } from 'vitest';
import { cliEnv, describeRun, expectCliError, type RunResult, runWhet } from './cli.js';
import type { TempDirs } from './temp.js';

/**
 * One temp SQLite database driven through the real built `whet`, with the CLI's test clock set to
 * a chosen instant (WHETSTONE_TEST_HOOKS=1 + WHETSTONE_CLOCK_OFFSET_MS), so dates are known.
 */
export class WhetLab {
  readonly db: string;
  readonly root: string;
  /** How far the CLI's clock runs ahead of the real one, in ms; a test may move it forward. */
  offset = 0;

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
  async run(args: readonly string[], stdin?: string): Promise<RunResult> {
    const result = await runWhet(args, { env: this.env(), ...(stdin === undefined ? {} : { stdin }) });
    expect(result.timedOut, `timed out:\n${describeRun(args, result)}`).toBe(false);
    return result;
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
    expectCliError(args, result, mentions);
    expect(result.stdout, describeRun(args, result)).toBe('');
    return result.stderr;
  }
}
