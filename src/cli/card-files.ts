import { validationError, WhetstoneError } from '../core/errors.js';
import { readInputFile } from './files.js';

/** Where a card of an import batch came from: its file, and its place when the file holds several. */
interface CardOrigin {
  file: string;
  /** 0-based position in the file's list of cards; null when the file is one card. */
  index: number | null;
}

export interface CardBatch {
  cards: unknown[];
  origins: CardOrigin[];
}

/**
 * Reads result-card files for `whet pool import`: each file holds one card, a JSON array of cards,
 * or `{ "cards": [...] }`. The cards are checked by the pool service, all files as one batch.
 */
export function readCardFiles(paths: readonly string[]): CardBatch {
  const batch: CardBatch = { cards: [], origins: [] };
  for (const file of paths) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readInputFile(file));
    } catch (error) {
      if (error instanceof WhetstoneError) throw error;
      throw validationError(
        file,
        `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const list = cardList(parsed);
    if (list === undefined) {
      batch.cards.push(parsed);
      batch.origins.push({ file, index: null });
      continue;
    }
    if (list.length === 0) throw validationError(file, 'holds no cards');
    list.forEach((card, index) => {
      batch.cards.push(card);
      batch.origins.push({ file, index });
    });
  }
  return batch;
}

/** The cards of a file that lists several; undefined when the file is a single card. */
function cardList(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (parsed !== null && typeof parsed === 'object' && !('format' in parsed) && 'cards' in parsed) {
    const { cards } = parsed as { cards: unknown };
    return Array.isArray(cards) ? cards : undefined;
  }
  return undefined;
}

/**
 * Rewrites an error about `cards.N.field` of the batch to name the file (and the card's place in
 * it) and the field: `lab/ana.json: phases.0.valueSum: does not match the ratings histogram`.
 */
export function inFileTerms(error: unknown, batch: CardBatch): unknown {
  if (!(error instanceof WhetstoneError)) return error;
  const first = error.issues[0];
  const match = first && /^cards\.(\d+)(?:\.(.+))?$/.exec(first.field);
  const origin = match ? batch.origins[Number(match[1])] : undefined;
  if (!first || !match || !origin) return error;
  const where = origin.index === null ? origin.file : `${origin.file} (card ${origin.index + 1})`;
  const field = match[2] ? `${match[2]}: ` : '';
  return new WhetstoneError(error.code, `${where}: ${field}${first.message}`, error.issues);
}
