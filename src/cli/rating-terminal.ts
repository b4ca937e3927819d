import { WhetstoneError } from '../core/errors.js';
import { EXCLUSION_REASONS } from '../core/experiments/exclusion-reasons.js';
import type { RatingQueueView } from '../core/experiments/rating.js';
import { plural } from '../core/plural.js';
import { Asker, InputEnded } from './ask-terminal.js';
import type { Runtime } from './runtime.js';
import { EXIT_INTERRUPTED } from './session-terminal.js';

/*
 * The blind triage and the blind rating in the terminal (or from piped lines). The keys are the
 * web page's: 1-5 rate, l later, u undo the last rating, q stop. Every answer is saved as it is
 * given, so stopping keeps the work; nothing is final until "f" finishes the rating.
 */

const PROMPT = 'value 1-5, l later, u undo, q stop › ';
const HELP =
  'Type a whole number from 1 (little value) to 5 (very valuable); l puts the idea off until later, u takes back your last rating, q stops (your ratings are kept).';
const DEFAULT_REASON = EXCLUSION_REASONS[0];

/** One typed answer while rating. */
export type RatingAnswer =
  | { kind: 'rate'; value: number }
  | { kind: 'later' }
  | { kind: 'undo' }
  | { kind: 'quit' }
  | { kind: 'invalid'; reason: string };

export function parseRatingAnswer(raw: string): RatingAnswer {
  const text = raw.trim().toLowerCase();
  if (text === 'l' || text === 'later') return { kind: 'later' };
  if (text === 'u' || text === 'undo') return { kind: 'undo' };
  if (text === 'q' || text === 'quit') return { kind: 'quit' };
  if (/^[1-5]$/.test(text)) return { kind: 'rate', value: Number(text) };
  return { kind: 'invalid', reason: text === '' ? HELP : `"${raw.trim()}" is not a rating. ${HELP}` };
}

const out = (text: string) => process.stdout.write(text);
const indent = (text: string) => text.replace(/\n/g, '\n     ');

/** Thrown to leave the flow: q or the end of the input (`quit`), or Ctrl+C. */
class Stopped extends Error {
  constructor(readonly how: 'quit' | 'interrupt') {
    super(how);
  }
}

/**
 * Runs what is left of the blind rating: the triage if it is not finished, then one idea at a
 * time, then the finish. Returns the exit status (0, or 130 after Ctrl+C).
 */
export async function runBlindRating(rt: Runtime, experimentId: string): Promise<number> {
  const flow = new RatingFlow(rt, experimentId);
  try {
    await flow.run();
    return 0;
  } catch (error) {
    const how = error instanceof Stopped ? error.how : error instanceof InputEnded ? stopOf(error) : null;
    if (how === null) throw error;
    const message = `Stopped: ${flow.progress()}; everything so far is kept. Go on with: whet experiment rate\n`;
    if (how === 'interrupt') {
      process.stderr.write(`\nwhet: interrupted. ${message}`);
      return EXIT_INTERRUPTED;
    }
    out(`\n${message}`);
    return 0;
  } finally {
    flow.close();
  }
}

/** The end of the input stops like q; Ctrl+C is an interruption. */
function stopOf(ended: InputEnded): Stopped['how'] {
  return ended.kind === 'interrupt' ? 'interrupt' : 'quit';
}

class RatingFlow {
  private readonly asker = new Asker();
  private queue: RatingQueueView | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly id: string,
  ) {}

  close(): void {
    this.asker.close();
  }

  progress(): string {
    const q = this.queue;
    if (!q) return 'nothing changed';
    if (q.stage === 'triage')
      return `the triage is not finished (${plural(q.excluded, 'idea')} set aside so far)`;
    return `${q.rated} of ${plural(q.total, 'idea')} rated`;
  }

  async run(): Promise<void> {
    const { experiments } = this.rt.services;
    this.queue = await experiments.ratingQueue(this.rt.actor, this.id);
    if (this.queue.stage === 'triage') await this.triage();
    await this.rate();
  }

  /** One trimmed line; the end of the input or Ctrl+C stops the flow (InputEnded). */
  private read(prompt: string): Promise<string> {
    return this.asker.ask(prompt, (text) => ({ value: text }));
  }

  // ---------------------------------------------------------------------------------------------
  // The blind triage

  private printTriage(queue: RatingQueueView): void {
    queue.triage.forEach((idea, i) => {
      const aside = idea.excluded ? `   [set aside: ${idea.excluded}]` : '';
      out(`  ${String(i + 1).padStart(2)}. ${indent(idea.text)}${aside}\n`);
    });
  }

  private async triage(): Promise<void> {
    const { experiments } = this.rt.services;
    let queue = this.queue!;
    out(
      `Blind triage: the ${plural(queue.triage.length, 'idea')} of both phases, mixed. Set aside what is not an improvement idea\n` +
        '(a task, a duplicate, a note); the rest are rated blind next.\n',
    );
    this.printTriage(queue);
    for (;;) {
      const answer = (
        await this.read('numbers to set aside (again to keep one), Enter when done, q stop › ')
      ).toLowerCase();
      if (answer === 'q' || answer === 'quit') throw new Stopped('quit');
      if (answer === '') break;
      const numbers = answer.split(/[\s,]+/).map(Number);
      const bad = numbers.find((n) => !Number.isInteger(n) || n < 1 || n > queue.triage.length);
      if (bad !== undefined) {
        out(`  Type numbers from 1 to ${queue.triage.length}, separated by spaces, or Enter when done.\n`);
        continue;
      }
      for (const n of new Set(numbers)) {
        const idea = queue.triage[n - 1]!;
        let excluded: string | null = null;
        if (idea.excluded === null)
          excluded =
            (await this.read(`  why is ${n} set aside? (Enter: ${DEFAULT_REASON}) › `)) || DEFAULT_REASON;
        queue = await experiments.triage(this.rt.actor, this.id, { token: idea.token, excluded });
        this.queue = queue;
        out(excluded ? `  Set aside ${n}: ${excluded}\n` : `  Kept ${n} after all\n`);
      }
    }
    await experiments.step(this.rt.actor, this.id, { action: 'finishTriage' });
    this.queue = await experiments.ratingQueue(this.rt.actor, this.id);
    out(
      `Triage finished: ${plural(this.queue.excluded, 'idea')} set aside, ${plural(this.queue.total, 'idea')} to rate.\n`,
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Rating, one idea at a time, then the finish

  private async rate(): Promise<void> {
    const { experiments } = this.rt.services;
    const actor = this.rt.actor;
    // Ideas put off with "l" come back after the others.
    const later: string[] = [];
    let queue = this.queue!;
    if (queue.next)
      out(
        `Blind rating: ${plural(queue.total - queue.rated, 'idea')} to rate${queue.rated ? ` (${queue.rated} of ${queue.total} done)` : ''}, one at a time, in random order.\n${HELP}\n`,
      );
    for (;;) {
      this.queue = queue;
      const next = queue.next;
      if (!next) {
        if (await this.finish(queue)) return;
        queue = await experiments.ratingQueue(actor, this.id, { skip: later });
        continue;
      }
      out(`\n(${queue.rated + 1} of ${queue.total})\n  ${next.text.replace(/\n/g, '\n  ')}\n`);
      const answer = await this.answer();
      switch (answer.kind) {
        case 'quit':
          throw new Stopped('quit');
        case 'undo':
          if (queue.rated === 0) {
            out('  There is no rating to undo yet.\n');
            break;
          }
          out(`  Taken back: your ${queue.ratings[0]!.value} for the idea before; it is shown again.\n`);
          queue = await experiments.undoRating(actor, this.id, { skip: later });
          break;
        case 'later': {
          if (queue.total - queue.rated < 2) {
            out('  This is the last idea left: rate it now, or type q to stop and rate it later.\n');
            break;
          }
          if (!later.includes(next.token)) later.push(next.token);
          out('  Later: it comes back after the others.\n');
          queue = await experiments.ratingQueue(actor, this.id, { skip: later });
          if (queue.next?.token === next.token) later.length = 0; // every idea left was put off: start over
          break;
        }
        case 'rate':
          queue = await experiments.rate(
            actor,
            this.id,
            { token: next.token, value: answer.value },
            { skip: later },
          );
          break;
      }
    }
  }

  /** Reads until a usable answer; an unusable one is explained and asked again. */
  private async answer(): Promise<Exclude<RatingAnswer, { kind: 'invalid' }>> {
    for (;;) {
      const answer = parseRatingAnswer(await this.read(PROMPT));
      if (answer.kind !== 'invalid') return answer;
      out(`  ${answer.reason}\n`);
    }
  }

  /**
   * Everything is rated: the ratings can still change before "f" finishes the experiment.
   * Returns true once finished, false when a rating was taken back (the queue goes on).
   */
  private async finish(queue: RatingQueueView): Promise<boolean> {
    const { experiments } = this.rt.services;
    const actor = this.rt.actor;
    if (queue.total === 0) {
      out('No ideas are left to rate, so there is nothing to rate.\n');
      await this.report(queue);
      return true;
    }
    // The list in the order the ideas were rated, so the numbers stay put while ratings change.
    const rated = [...queue.ratings].reverse();
    out(`\nAll ${plural(queue.total, 'idea')} rated. Until you finish, any rating can still change:\n`);
    rated.forEach((r, i) => {
      out(`  ${String(i + 1).padStart(2)}. [${r.value}] ${indent(r.text)}\n`);
    });
    for (;;) {
      const answer = (
        await this.read('f finish, a number to change that rating, u undo the last, q stop › ')
      ).toLowerCase();
      if (answer === 'f' || answer === 'finish') {
        await this.report(queue);
        return true;
      }
      if (answer === 'q' || answer === 'quit') throw new Stopped('quit');
      if (answer === 'u' || answer === 'undo') {
        this.queue = await experiments.undoRating(actor, this.id);
        out('  Taken back: your last rating; that idea is shown again.\n');
        return false;
      }
      const n = Number(answer);
      if (!Number.isInteger(n) || n < 1 || n > rated.length) {
        out(`  Type f to finish, a number from 1 to ${rated.length} to change that rating, u or q.\n`);
        continue;
      }
      const item = rated[n - 1]!;
      for (;;) {
        const value = parseRatingAnswer(await this.read(`  new value 1-5 for ${n} (now ${item.value}) › `));
        if (value.kind !== 'rate') {
          out('  Type a whole number from 1 to 5.\n');
          continue;
        }
        this.queue = await experiments.rate(actor, this.id, { token: item.token, value: value.value });
        rated[n - 1] = { ...item, value: value.value };
        out(`  Changed ${n} to ${value.value}.\n`);
        break;
      }
    }
  }

  private async report(queue: RatingQueueView): Promise<void> {
    await this.rt.services.experiments.step(this.rt.actor, this.id, { action: 'report' });
    if (queue.total > 0) out(`\nAll ${plural(queue.total, 'idea')} rated. The experiment is finished.\n`);
    else out('The experiment is finished.\n');
    out('See the result with: whet experiment report\n');
  }
}

/** Thrown by the rate command for experiments that have nothing to rate. */
export function nothingToRate(title: string): WhetstoneError {
  return new WhetstoneError(
    'conflict',
    `experiment: ${title} compares a measurement, so there is nothing to rate; run whet experiment next when the last phase is over`,
  );
}
