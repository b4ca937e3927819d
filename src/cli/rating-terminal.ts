import { WhetstoneError } from '../core/errors.js';
import type { RatingQueueView } from '../core/experiments/rating.js';
import { plural } from '../core/plural.js';
import { LineInput } from './line-input.js';
import type { Runtime } from './runtime.js';
import { EXIT_INTERRUPTED } from './session-terminal.js';

const PROMPT = 'value 1-5 (q to stop) › ';
const HELP = 'Type a whole number from 1 (little value) to 5 (very valuable), or q to stop and go on later.';

/** One typed answer during blind rating. */
export type RatingAnswer =
  | { kind: 'rate'; value: number }
  | { kind: 'skip' }
  | { kind: 'quit' }
  | { kind: 'invalid'; reason: string };

export function parseRatingAnswer(raw: string): RatingAnswer {
  const text = raw.trim().toLowerCase();
  if (text === 's' || text === 'skip' || text === 'later') return { kind: 'skip' };
  if (text === 'q' || text === 'quit') return { kind: 'quit' };
  if (/^[1-5]$/.test(text)) return { kind: 'rate', value: Number(text) };
  return { kind: 'invalid', reason: text === '' ? HELP : `"${raw.trim()}" is not a rating. ${HELP}` };
}

const out = (text: string) => process.stdout.write(text);

/**
 * Blind rating in the terminal (or from piped lines): one idea's text at a time — nothing else
 * about it, no phase, no date, no source — rated 1-5. Ratings are saved one by one, so quitting
 * keeps them; when the last idea is rated the experiment is finished and its report is ready.
 * Returns the exit status (0, or 130 after Ctrl+C).
 */
export async function runBlindRating(rt: Runtime, experimentId: string): Promise<number> {
  const { experiments } = rt.services;
  const input = new LineInput();
  try {
    // Ideas put off with "s" come back after the others.
    const skip: string[] = [];
    let queue = await experiments.ratingQueue(rt.actor, experimentId);
    if (queue.next)
      out(
        `Blind rating: ${plural(queue.total - queue.rated, 'idea')} to rate${queue.rated ? ` (${queue.rated} of ${queue.total} done)` : ''}, one at a time, in random order.\n${HELP}\n`,
      );
    while (queue.next) {
      const { token, text } = queue.next;
      out(`\n(${queue.rated + 1} of ${queue.total})\n  ${text.replace(/\n/g, '\n  ')}\n`);
      const answer = await readAnswer(input);
      if (answer !== 'interrupt' && answer.kind === 'skip') {
        if (!skip.includes(token)) skip.push(token);
        const unratedLeft = queue.total - queue.rated;
        if (unratedLeft > 1) {
          out('  Later: it comes back after the others.\n');
          queue = await experiments.ratingQueue(rt.actor, experimentId, { skip });
          if (queue.next?.token === token) skip.length = 0; // every idea left was put off: start over
        } else out('  This is the last idea left: rate it now, or type q to stop and rate it later.\n');
        continue;
      }
      if (answer === 'interrupt' || answer.kind === 'quit') {
        const message = `Stopped: ${queue.rated} of ${plural(queue.total, 'idea')} rated; the ratings are kept. Go on with: whet experiment rate\n`;
        if (answer === 'interrupt') {
          process.stderr.write(`\nwhet: interrupted. ${message}`);
          return EXIT_INTERRUPTED;
        }
        out(`\n${message}`);
        return 0;
      }
      queue = await experiments.rate(rt.actor, experimentId, { token, value: answer.value }, { skip });
    }
    await finish(rt, experimentId, queue);
    return 0;
  } finally {
    input.close();
  }
}

/** Reads answers until a rating, a skip or quit. */
async function readAnswer(
  input: LineInput,
): Promise<Exclude<RatingAnswer, { kind: 'invalid' }> | 'interrupt'> {
  for (;;) {
    const result = await input.read(PROMPT);
    if (result.kind === 'interrupt') return 'interrupt';
    if (result.kind === 'closed') return { kind: 'quit' };
    const answer = parseRatingAnswer(result.text);
    if (answer.kind === 'invalid') {
      out(`  ${answer.reason}\n`);
      continue;
    }
    return answer;
  }
}

async function finish(rt: Runtime, experimentId: string, queue: RatingQueueView): Promise<void> {
  await rt.services.experiments.step(rt.actor, experimentId, { action: 'report' });
  out(
    queue.total === 0
      ? 'No ideas were captured in either phase, so there is nothing to rate. The experiment is finished.\n'
      : `\nAll ${plural(queue.total, 'idea')} rated. The experiment is finished.\n`,
  );
  out('See the result with: whet experiment report\n');
}

/** Thrown by the rate command for experiments that have nothing to rate. */
export function nothingToRate(title: string): WhetstoneError {
  return new WhetstoneError(
    'conflict',
    `experiment: ${title} compares a measurement, so there is nothing to rate; run whet experiment next when the last phase is over`,
  );
}
