import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import type { DeckQuestion, QuestionStage } from './deck.js';
import { drawQuestionQueue, seededRandom } from './draw.js';

const q = (id: string, stage: QuestionStage, areas: string[] = []): DeckQuestion => ({
  id,
  stage,
  areas,
  text: `Question ${id}?`,
});

const DECK: DeckQuestion[] = [
  q('o1', 'opening'),
  q('o2', 'opening'),
  q('o3', 'opening', ['energy']),
  q('o4', 'opening'),
  q('e1', 'exploring', ['coding']),
  q('e2', 'exploring', ['writing']),
  q('e3', 'exploring', ['coding', 'writing']),
  q('e4', 'exploring'),
  q('e5', 'exploring', ['energy']),
  q('e6', 'exploring', ['reading']),
  q('n1', 'narrowing'),
  q('n2', 'narrowing', ['coding']),
  q('n3', 'narrowing'),
  q('p1', 'planning'),
  q('p2', 'planning'),
  q('p3', 'planning', ['writing']),
];
const stageOf = (id: string) => DECK.find((question) => question.id === id)?.stage;

describe('drawQuestionQueue', () => {
  it('returns every question once, shaped opening (at most 2), exploring, opening, narrowing, planning', () => {
    const queue = drawQuestionQueue({ questions: DECK, recentlyShown: [], random: seededRandom('s1') });
    expect([...queue].sort()).toEqual(DECK.map((question) => question.id).sort());
    expect(queue.map(stageOf)).toEqual([
      'opening',
      'opening',
      ...Array(6).fill('exploring'),
      'opening',
      'opening',
      ...Array(3).fill('narrowing'),
      ...Array(3).fill('planning'),
    ]);
  });

  it('keeps only questions of the chosen areas, plus general ones', () => {
    const queue = drawQuestionQueue({
      questions: DECK,
      areas: ['coding'],
      recentlyShown: [],
      random: seededRandom('s2'),
    });
    expect([...queue].sort()).toEqual(
      ['e1', 'e3', 'e4', 'n1', 'n2', 'n3', 'o1', 'o2', 'o4', 'p1', 'p2'].sort(),
    );
    expect(queue).not.toContain('e2');
    expect(queue).not.toContain('o3');
  });

  it('treats an empty area list as no filter', () => {
    const queue = drawQuestionQueue({
      questions: DECK,
      areas: [],
      recentlyShown: [],
      random: seededRandom('x'),
    });
    expect(queue).toHaveLength(DECK.length);
  });

  it('refuses areas no question covers', () => {
    const tagged = DECK.filter((question) => question.areas.length > 0);
    try {
      drawQuestionQueue({
        questions: tagged,
        areas: ['collaborators'],
        recentlyShown: [],
        random: Math.random,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WhetstoneError);
      const e = error as WhetstoneError;
      expect(e.code).toBe('validation');
      expect(e.issues).toEqual([
        { field: 'areas', message: 'no question in this deck covers collaborators' },
      ]);
    }
  });

  it('puts recently shown questions last in their stage, the longest unseen first', () => {
    const recentlyShown = ['e1', 'o1', 'e2', 'p1', 'e1', 'o2']; // most recent first
    const queue = drawQuestionQueue({ questions: DECK, recentlyShown, random: seededRandom('s3') });
    // Fresh opening questions start the session; o2 (seen longer ago) before o1.
    expect(queue.slice(0, 2).sort()).toEqual(['o3', 'o4']);
    expect(queue.slice(8, 10)).toEqual(['o2', 'o1']);
    const exploring = queue.filter((id) => stageOf(id) === 'exploring');
    expect(exploring.slice(4)).toEqual(['e2', 'e1']);
    expect(queue.slice(-3)[2]).toBe('p1');
  });

  it('draws the same queue from the same seed and (very likely) another from another seed', () => {
    const draw = (seed: string) =>
      drawQuestionQueue({ questions: DECK, recentlyShown: [], random: seededRandom(seed) });
    expect(draw('session-42')).toEqual(draw('session-42'));
    const others = ['a', 'b', 'c', 'd', 'e'].map(draw);
    expect(others.some((queue) => queue.join() !== draw('session-42').join())).toBe(true);
  });

  it('with a limit, still opens with at most two and ends on planning', () => {
    for (const seed of ['a', 'b', 'c']) {
      const queue = drawQuestionQueue({
        questions: DECK,
        recentlyShown: [],
        random: seededRandom(seed),
        limit: 10,
      });
      expect(queue).toHaveLength(10);
      expect(new Set(queue).size).toBe(10);
      const stages = queue.map(stageOf);
      expect(stages).toEqual([
        'opening',
        'opening',
        'exploring',
        'exploring',
        'exploring',
        'exploring',
        'narrowing',
        'narrowing',
        'planning',
        'planning',
      ]);
    }
    const tiny = drawQuestionQueue({
      questions: DECK,
      recentlyShown: [],
      random: seededRandom('t'),
      limit: 3,
    });
    expect(tiny.map(stageOf)).toEqual(['opening', 'exploring', 'planning']);
  });

  it('ignores repeated ids in the input', () => {
    const queue = drawQuestionQueue({
      questions: [q('a1', 'opening'), q('a1', 'planning'), q('b1', 'exploring')],
      recentlyShown: [],
      random: seededRandom('d'),
    });
    expect(queue).toEqual(['a1', 'b1']);
  });
});

describe('seededRandom', () => {
  it('is reproducible and stays in [0, 1)', () => {
    const a = seededRandom('seed');
    const b = seededRandom('seed');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(seededRandom('seed')()).not.toBe(seededRandom('seee')());
  });
});
