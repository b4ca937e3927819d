import { WhetstoneError } from '../core/errors.js';
import { LineInput } from './line-input.js';
import { EXIT_INTERRUPTED } from './session-terminal.js';

/**
 * Question-and-answer input for the reviews: one question at a time, in a terminal or from piped
 * lines. Nothing is saved until the last answer is in, so Ctrl+C or the end of the input leaves
 * no half-written review behind.
 */

/** Thrown when the person stops (Ctrl+C) or the input ends before the last answer. */
export class InputEnded extends Error {
  constructor(readonly kind: 'interrupt' | 'closed') {
    super(kind === 'interrupt' ? 'interrupted' : 'the input ended');
  }
}

/** A reply checked by `parse`: its value, or why it cannot be used (the question is asked again). */
export type Checked<T> = { value: T } | { problem: string };

export class Asker {
  private readonly input = new LineInput();

  /** Asks until `parse` accepts the reply (a blank line is passed on as ''). */
  async ask<T>(prompt: string, parse: (text: string) => Checked<T>): Promise<T> {
    for (;;) {
      // Piped answers are echoed after their prompt, so the transcript reads like a session.
      const result = await this.input.read(this.input.interactive ? prompt : '');
      if (result.kind !== 'line') throw new InputEnded(result.kind);
      if (!this.input.interactive) process.stdout.write(`${prompt}${result.text}\n`);
      const checked = parse(result.text.trim());
      if ('value' in checked) return checked.value;
      process.stdout.write(`  ${checked.problem}\n`);
    }
  }

  /** A free-text answer; blank means skipped (undefined). */
  async text(prompt: string): Promise<string | undefined> {
    return this.ask(prompt, (text) => ({ value: text === '' ? undefined : text }));
  }

  close(): void {
    this.input.close();
  }
}

/** Runs a question-and-answer flow; stopping early saves nothing and says so. Returns the exit code. */
export async function withAsker(what: string, flow: (asker: Asker) => Promise<void>): Promise<number> {
  const asker = new Asker();
  try {
    await flow(asker);
    return 0;
  } catch (error) {
    if (!(error instanceof InputEnded)) throw error;
    if (error.kind === 'interrupt') {
      process.stderr.write(`\nwhet: interrupted; the ${what} was not saved\n`);
      return EXIT_INTERRUPTED;
    }
    throw new WhetstoneError(
      'validation',
      `${what}: the input ended before the last answer; nothing was saved`,
    );
  } finally {
    asker.close();
  }
}
