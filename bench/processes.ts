import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `node --import tsx <script>` arguments, for the bench's own TypeScript helpers. */
export const tsxArgs = (script: string, ...args: string[]): string[] => [
  '--import',
  'tsx',
  fileURLToPath(new URL(script, import.meta.url)),
  ...args,
];

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Spawns `node args...` and resolves once its stdout names a loopback URL (both Whetstone's
 * "Whetstone is running at http://127.0.0.1:PORT/" and the baseline server's banner do).
 */
export function startServerProcess(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 20_000,
): Promise<RunningServer> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}: node ${args.join(' ')}\n${stdout}${stderr}`));
    };
    const timer = setTimeout(() => fail('server did not start in time'), timeoutMs);
    child.once('exit', (code) => fail(`server exited early (code ${code})`));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: match[1], stop: () => stopProcess(child) });
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
