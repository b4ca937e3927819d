// Seeds one user's store with many realistic ideas, fast: multi-row inserts in big transactions.
import { DEFAULT_AREAS } from '../src/core/areas.js';
import { IDEA_STATUSES } from '../src/core/idea-status.js';
import { EFFORTS, IDEA_SOURCES } from '../src/core/ideas.js';
import { newId } from '../src/services/ids.js';
import type { Store } from '../src/store/connect.js';
import { inTransaction } from '../src/store/transaction.js';

/** Appears in about 0.1% of ideas: a selective search. */
export const RARE_WORD = 'zettelkasten';
/** An area holding only ~0.2% of the ideas (people's areas are uneven). */
export const SPARSE_AREA = 'energy';
/** Ranked 4th in a Zipf-weighted vocabulary: in roughly 40% of ideas. */
export const COMMON_WORD = 'experiment';

// Ordered most to least frequent (Zipf weights, 1/rank).
const VOCABULARY = `
  paper draft review experiment code notes reading time meeting data model results figure
  week plan write test analysis question idea deadline feedback collaborator advisor talk
  slides abstract literature baseline dataset script notebook pipeline bug refactor plot
  hypothesis method proof lemma theorem simulation benchmark metric evaluation ablation
  outline section introduction related conclusion appendix citation reference library
  calendar inbox email focus morning evening break walk sleep energy coffee desk noise
  priority backlog goal milestone habit routine template checklist journal reflection
  summary highlight annotation margin answer discussion seminar workshop conference
  poster rebuttal submission revision reviewer editor grant proposal budget report
  student mentor mentee group lab colleague peer network contact
  decompose subproblem scope estimate risk blocker dependency assumption constraint
  tool terminal shortcut macro automation cache server cluster queue job log
  version branch commit merge repository issue ticket sprint standup retro
`
  .trim()
  .split(/\s+/);
const RARE_EVERY = 1000;

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function zipfPicker(rand: () => number, words: readonly string[]): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] as string;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** Inserts `count` ideas for `userId`, oldest first, one every ~10 minutes from 2024-01-01. */
export async function seedIdeas(store: Store, userId: string, count: number): Promise<void> {
  const rand = random(42);
  const word = zipfPicker(rand, VOCABULARY);
  const areaIds = DEFAULT_AREAS.map((a) => a.id).filter((id) => id !== SPARSE_AREA);
  const area = () => (rand() < 0.002 ? SPARSE_AREA : rand() < 0.9 ? pick(rand, areaIds) : null);
  const statuses = [...IDEA_STATUSES, 'new', 'new', 'new'] as const; // mostly new
  const start = Date.parse('2024-01-01T08:00:00.000Z');
  const makeRow = (i: number) => {
    const words = Array.from({ length: 6 + Math.floor(rand() * 14) }, word);
    if (i % RARE_EVERY === 500) words.splice(2, 0, RARE_WORD);
    const text = words.join(' ');
    const at = new Date(start + i * 600_000 + Math.floor(rand() * 600_000)).toISOString();
    return {
      id: newId(),
      user_id: userId,
      text: text.charAt(0).toUpperCase() + text.slice(1),
      area_id: area(),
      source: pick(rand, IDEA_SOURCES),
      status: pick(rand, statuses),
      value: rand() < 0.6 ? 1 + Math.floor(rand() * 5) : null,
      effort: rand() < 0.5 ? pick(rand, EFFORTS) : null,
      context: rand() < 0.3 ? `while working on the ${word()} ${word()}` : null,
      created_at: at,
      updated_at: at,
      status_changed_at: at,
    };
  };
  const PER_TRANSACTION = 10_000;
  const PER_STATEMENT = 1_000; // 12 columns x 1,000 rows stays under SQLite's 32,766 parameters
  for (let first = 0; first < count; first += PER_TRANSACTION) {
    await inTransaction(store, async (trx) => {
      for (let i = first; i < Math.min(count, first + PER_TRANSACTION); i += PER_STATEMENT) {
        const rows = Array.from({ length: Math.min(PER_STATEMENT, count - i) }, (_, k) => makeRow(i + k));
        await trx.insertInto('ideas').values(rows).execute();
      }
    });
  }
}
