import { seededRandom } from '../decks/draw.js';
import { notFound, validationError } from '../errors.js';

/** An idea as captured during an experiment; none of this but the text reaches the rater. */
export interface ExperimentIdea {
  id: string;
  text: string;
  phase: string;
  createdAt: string;
  source: string;
}

/** What the rater sees: an opaque token and the text — no phase, source, time or id. */
export interface BlindItem {
  token: string;
  text: string;
}

/** Kept server-side: enough to map tokens back to ideas and to re-derive the queue from the seed. */
export interface BlindAudit {
  seed: string;
  /** Idea ids in the order they are shown. */
  order: string[];
  /** `tokens[i]` is the token of `order[i]`. */
  tokens: string[];
}

export interface BlindQueue {
  items: BlindItem[];
  audit: BlindAudit;
}

const hex32 = (random: () => number) =>
  Math.floor(random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');

/**
 * Shuffles the ideas with a seeded Fisher–Yates shuffle and gives each one a random-looking token
 * drawn from a second seeded stream, so neither the order nor the tokens reveal creation order,
 * phase or id. The input order does not matter (ideas are put in id order first), so the same
 * ideas and seed always give the same queue.
 */
export function blindQueue(ideas: readonly ExperimentIdea[], seed: string): BlindQueue {
  if (seed.length === 0) throw validationError('seed', 'must not be empty');
  const ids = new Set<string>();
  for (const idea of ideas) {
    if (ids.has(idea.id)) throw validationError('ideas', `idea ${idea.id} appears twice`);
    ids.add(idea.id);
  }
  const shuffled = [...ideas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = seededRandom(`blind-order:${seed}`);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(order() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const tokenStream = seededRandom(`blind-token:${seed}`);
  const used = new Set<string>();
  const tokens = shuffled.map(() => {
    let token: string;
    do token = `${hex32(tokenStream)}${hex32(tokenStream)}`;
    while (used.has(token));
    used.add(token);
    return token;
  });
  return {
    items: shuffled.map((idea, i) => ({ token: tokens[i]!, text: idea.text })),
    audit: { seed, order: shuffled.map((idea) => idea.id), tokens },
  };
}

/** The idea id behind a token, or not_found. */
export function resolveToken(audit: BlindAudit, token: string): string {
  const index = audit.tokens.indexOf(token);
  if (index < 0) throw notFound('rating item', token);
  return audit.order[index]!;
}
