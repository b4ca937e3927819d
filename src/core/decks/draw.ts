import { WhetstoneError } from '../errors.js';
import type { DeckQuestion, QuestionStage } from './deck.js';

/**
 * Drawing one session's questions from a deck. The queue has a shape a person can follow:
 *
 *   1-2 opening questions (warm up)
 *   exploring questions
 *   any remaining opening questions
 *   narrowing questions
 *   planning questions (so the session ends on what to try)
 *
 * Within each stage, questions the person has not seen recently come first, in a shuffled order;
 * recently shown ones follow, the longest-unseen first. With `limit`, the queue is cut to that
 * many questions while keeping the shape: an opening and a planning question are kept first of
 * all, then exploring and narrowing ones share the remaining places two to one.
 */

/** At most this many opening questions start a session. */
export const OPENING_AT_START = 2;
/** With a limit, at most this many planning questions close the session. */
export const PLANNING_AT_END = 2;

export interface DrawOptions {
  questions: readonly Pick<DeckQuestion, 'id' | 'areas' | 'stage'>[];
  /** Area ids the session is about; absent or empty means every question is eligible. */
  areas?: readonly string[];
  /** Question ids shown in the person's last sessions, most recent first. */
  recentlyShown: readonly string[];
  /** A seeded source of numbers in [0, 1), e.g. `seededRandom(session.seed)`. */
  random: () => number;
  /** The most questions to return (e.g. what fits the session's minutes); default: all eligible. */
  limit?: number;
}

/** Returns the question ids one session asks, in order, each at most once. */
export function drawQuestionQueue(options: DrawOptions): string[] {
  const { questions, areas, recentlyShown, random, limit } = options;
  const chosen = areas && areas.length > 0 ? new Set(areas) : undefined;

  const seen = new Set<string>();
  const eligible = questions.filter((question) => {
    if (seen.has(question.id)) return false;
    seen.add(question.id);
    return !chosen || question.areas.length === 0 || question.areas.some((area) => chosen.has(area));
  });
  if (chosen && eligible.length === 0) {
    const list = [...chosen].join(', ');
    throw new WhetstoneError('validation', `areas: no question in this deck covers ${list}`, [
      { field: 'areas', message: `no question in this deck covers ${list}` },
    ]);
  }

  // Most recent showing wins when an id was shown in several sessions.
  const recency = new Map<string, number>();
  recentlyShown.forEach((id, index) => {
    if (!recency.has(id)) recency.set(id, index);
  });

  const byStage = (stage: QuestionStage): string[] => {
    const ids = eligible.filter((question) => question.stage === stage).map((question) => question.id);
    const fresh = shuffle(
      ids.filter((id) => !recency.has(id)),
      random,
    );
    const recent = ids
      .filter((id) => recency.has(id))
      .sort((a, b) => (recency.get(b) ?? 0) - (recency.get(a) ?? 0));
    return [...fresh, ...recent];
  };

  const opening = byStage('opening');
  const sections = {
    openingStart: opening.slice(0, OPENING_AT_START),
    exploring: byStage('exploring'),
    openingRest: opening.slice(OPENING_AT_START),
    narrowing: byStage('narrowing'),
    planning: byStage('planning'),
  };
  const inOrder = [
    ...sections.openingStart,
    ...sections.exploring,
    ...sections.openingRest,
    ...sections.narrowing,
    ...sections.planning,
  ];
  if (limit === undefined || Number.isNaN(limit) || limit >= inOrder.length) return inOrder;

  // Pick by priority, then lay the picks out in session order.
  const picked = new Set<string>();
  const take = (ids: readonly string[], count: number) => {
    for (const id of ids) {
      if (count <= 0) return;
      if (!picked.has(id)) {
        picked.add(id);
        count--;
      }
    }
  };
  const budget = Math.max(0, Math.floor(limit));
  const steps: [readonly string[], number][] = [
    [sections.openingStart, 1],
    [sections.planning, 1],
  ];
  const middle = interleave(sections.exploring, sections.narrowing);
  for (let i = 0; i < middle.length; i++) {
    // A second opening and a second planning question once the middle has some substance.
    if (i === 2) steps.push([sections.openingStart, 1]);
    if (i === 4) steps.push([sections.planning, 1]);
    steps.push([[middle[i] as string], 1]);
  }
  steps.push([sections.openingStart, OPENING_AT_START], [sections.planning, PLANNING_AT_END]);
  steps.push([sections.openingRest, sections.openingRest.length]);
  steps.push([sections.planning, sections.planning.length]);
  for (const [ids, count] of steps) {
    if (picked.size >= budget) break;
    take(ids, Math.min(count, budget - picked.size));
  }
  return inOrder.filter((id) => picked.has(id));
}

/** Two exploring questions for each narrowing one (ideas first, then choosing among them). */
function interleave(exploring: readonly string[], narrowing: readonly string[]): string[] {
  const out: string[] = [];
  let e = 0;
  let n = 0;
  while (e < exploring.length || n < narrowing.length) {
    for (let k = 0; k < 2 && e < exploring.length; k++) out.push(exploring[e++] as string);
    if (n < narrowing.length) out.push(narrowing[n++] as string);
  }
  return out;
}

/** Fisher-Yates shuffle of a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A reproducible source of numbers in [0, 1) from a string seed, so a session's draw can be
 * recomputed from the seed it stores. The string is hashed to 32 bits with xmur3 and that seeds
 * mulberry32 (both public-domain one-liners by bryc, github.com/bryc/code, jshash/PRNGs.md):
 * fast, tiny, well spread — not cryptographic, and it need not be.
 */
export function seededRandom(seed: string): () => number {
  // xmur3: a MurmurHash3-style mix over the characters, then a finaliser.
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  let state = (h ^ (h >>> 16)) >>> 0;
  // mulberry32
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
