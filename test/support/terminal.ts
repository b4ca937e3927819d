/**
 * Real pseudo-terminals for interactive `whet` commands: each runs in a tmux window of a tmux
 * server of the test file's own (so nothing touches the person's tmux sessions), driven by typing
 * keys and reading the screen.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { REPO_ROOT, WHET_BIN } from './paths.js';

const TMUX = '/usr/bin/tmux';

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

export interface Terminals {
  /** A window running `whet ...args` with `vars` set and DATABASE_URL unset. */
  open(args: readonly string[], vars: Record<string, string>): Terminal;
  /** Stops the tmux server and removes its socket. */
  stop(): void;
}

export function tmuxTerminals(label = 'whet-test'): Terminals {
  const socket = `${label}-${process.pid}-${Date.now().toString(36)}`;
  const tmux = (...args: string[]): string =>
    execFileSync(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  let count = 0;
  return {
    open: (args, vars) => new Terminal(tmux, `t${++count}`, args, vars),
    stop() {
      try {
        const socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
        tmux('kill-server');
        if (socketPath) rmSync(socketPath, { force: true });
      } catch {
        // No server was started, or it already stopped.
      }
    },
  };
}

/**
 * A terminal window running `whet ...args`. When whet exits the pane prints `[exit N]` and stays
 * open, so the test can read the exit status and the last screen.
 */
export class Terminal {
  constructor(
    private readonly tmux: (...args: string[]) => string,
    readonly name: string,
    args: readonly string[],
    vars: Record<string, string>,
  ) {
    const assignments = Object.entries(vars).map(([name, value]) => `${name}=${quote(value)}`);
    const command =
      `cd ${quote(REPO_ROOT)} && env -u DATABASE_URL ${assignments.join(' ')} ` +
      `${quote(process.execPath)} ${quote(WHET_BIN)} ${args.map(quote).join(' ')}; ` +
      'echo "[exit $?]"; sleep 600';
    tmux('new-session', '-d', '-s', this.name, '-x', '120', '-y', '40', command);
  }

  /** Everything the window has shown, scrollback included. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name, '-S', '-2000');
  }

  /** Types `text` (literally) and presses Enter. */
  type(text: string): void {
    if (text !== '') this.tmux('send-keys', '-t', this.name, '-l', text);
    this.tmux('send-keys', '-t', this.name, 'Enter');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Polls the screen every 100 ms until `ready` holds; fails with the screen after `timeoutMs`. */
  async waitFor(ready: (screen: string) => boolean, what: string, timeoutMs = 25_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ready(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until `text` has appeared `times` times in total. */
  waitForText(text: string, times = 1, timeoutMs?: number): Promise<string> {
    return this.waitFor((s) => occurrences(s, text) >= times, `${times}× "${text}"`, timeoutMs);
  }
}

export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
