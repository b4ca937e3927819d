import { clearLine, cursorTo } from 'node:readline';
import { createInterface, type Interface } from 'node:readline/promises';

/** What a read gives back: a line, or why there will be none. */
export type ReadResult =
  | { kind: 'line'; text: string }
  | { kind: 'interrupt' } // Ctrl+C
  | { kind: 'closed' }; // Ctrl+D, or the end of piped input

/**
 * Line input for the interactive session, on node:readline (line editing and history in a real
 * terminal). Lines typed while the program is busy are queued, never lost; Ctrl+C is reported as
 * a result instead of killing the process, so the caller can leave the session in a known state.
 */
export class LineInput {
  readonly interactive: boolean;
  private readonly rl: Interface;
  private readonly queued: ReadResult[] = [];
  private waiting: ((result: ReadResult) => void) | undefined;
  private ended: ReadResult | undefined;

  constructor(
    input: NodeJS.ReadStream = process.stdin,
    private readonly output: NodeJS.WriteStream = process.stdout,
  ) {
    this.interactive = Boolean(input.isTTY);
    this.rl = createInterface({ input, output, terminal: this.interactive && Boolean(output.isTTY) });
    this.rl.on('line', (text) => this.deliver({ kind: 'line', text }));
    this.rl.on('SIGINT', () => this.finish({ kind: 'interrupt' }));
    this.rl.on('close', () => this.finish({ kind: 'closed' }));
    // Without a terminal, Ctrl+C arrives as a signal rather than a keypress.
    process.on('SIGINT', this.onSignal);
  }

  private readonly onSignal = () => this.finish({ kind: 'interrupt' });

  /** Shows `prompt` and waits for the next line (or Ctrl+C / end of input). */
  read(prompt: string): Promise<ReadResult> {
    const next = this.queued.shift() ?? this.ended;
    if (next) return Promise.resolve(next);
    this.rl.setPrompt(prompt);
    this.rl.prompt();
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** True while a prompt is on screen waiting for input. */
  get prompting(): boolean {
    return this.waiting !== undefined;
  }

  /** Changes the prompt on screen, keeping what has been typed so far and the cursor. */
  updatePrompt(prompt: string): void {
    if (!this.waiting || !this.terminal) return;
    this.rl.setPrompt(prompt);
    this.rl.prompt(true);
  }

  /** Prints `text` (whole lines) above the prompt without disturbing the line being typed. */
  notice(text: string): void {
    if (this.waiting && this.terminal) {
      clearLine(this.output, 0);
      cursorTo(this.output, 0);
      this.output.write(text.endsWith('\n') ? text : `${text}\n`);
      this.rl.prompt(true);
    } else {
      this.output.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  close(): void {
    process.off('SIGINT', this.onSignal);
    this.waiting = undefined;
    this.rl.close();
  }

  private get terminal(): boolean {
    return this.interactive && Boolean(this.output.isTTY) && process.env.TERM !== 'dumb';
  }

  private deliver(result: ReadResult): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting(result);
    } else {
      this.queued.push(result);
    }
  }

  /** Ctrl+C and end of input end all reading: every later read gets the same answer at once. */
  private finish(result: ReadResult): void {
    if (this.ended) return;
    this.ended = result;
    if (result.kind === 'interrupt') this.queued.length = 0;
    this.deliver(result);
  }
}
