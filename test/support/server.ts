import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { REPO_ROOT, WHET_BIN } from './paths.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WhetServer {
  /** Root URL as printed by `whet serve`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** `${url}api/v1` without a trailing slash. */
  api: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves when the process has exited (and its output has been read). */
  exited: Promise<Exit>;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Everything the server wrote to stdout so far. */
  stdout(): string;
  /** SIGTERM (a clean shutdown) and wait for the exit; a no-op once it has exited. */
  stop(): Promise<Exit>;
  /** Sends `signal` at once and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
}

const BANNER = /Whetstone(?: \(team\))? is running at (http:\/\/\S+\/)/;

/**
 * Spawns the real `node bin/whet.cjs serve --port 0 --db <db>` and resolves once it prints the
 * URL it listens on. Rejects (with its output) if it exits first or says nothing within
 * `timeoutMs`.
 */
export function startWhetServer(options: {
  db: string;
  env: NodeJS.ProcessEnv;
  extraArgs?: readonly string[];
  timeoutMs?: number;
}): Promise<WhetServer> {
  const { db, env, extraArgs = [], timeoutMs = 20_000 } = options;
  const args = [WHET_BIN, 'serve', '--port', '0', '--db', db, ...extraArgs];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> => {
    if (!hasExited) child.kill(signal);
    return exited;
  };

  return new Promise<WhetServer>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`whet serve ${why}\nstdout: ${stdout || '(empty)'}\nstderr: ${stderr || '(empty)'}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    void exited.then(({ code, signal }) =>
      fail(`exited (code ${code}, signal ${signal}) before it was ready`),
    );
    child.once('error', (error) => fail(`could not be spawned: ${error.message}`));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      stdout += `${line}\n`;
      const match = BANNER.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        api: `${url}api/v1`,
        child,
        exited,
        stderr: () => stderr,
        stdout: () => stdout,
        stop: () => kill('SIGTERM'),
        kill,
      });
    });
  });
}
