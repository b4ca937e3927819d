import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { blindQueue, type ExperimentIdea, resolveToken } from './blind.js';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
/** Ideas in creation order: the passive week first, then the focused session. */
const IDEAS: ExperimentIdea[] = Array.from({ length: 20 }, (_, i) => ({
  id: `idea-${String(i).padStart(2, '0')}`,
  text: `Idea number ${i}`,
  phase: i < 8 ? 'passive' : 'focused',
  createdAt: new Date(T0 + i * 3_600_000).toISOString(),
  source: i < 8 ? 'noticed' : 'focused-session',
}));
const creationOrder = IDEAS.map((i) => i.id);

describe('blindQueue', () => {
  it('shows only a token and the text', () => {
    const { items } = blindQueue(IDEAS, 'seed-1');
    expect(items).toHaveLength(IDEAS.length);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['text', 'token']);
    expect(new Set(items.map((i) => i.text))).toEqual(new Set(IDEAS.map((i) => i.text)));
    const shown = JSON.stringify(items);
    for (const word of ['passive', 'focused', 'noticed', 'idea-', '2026-']) expect(shown).not.toContain(word);
  });

  it('does not show ideas in creation order, for typical seeds', () => {
    for (const seed of ['seed-1', 'seed-2', 'a', 'experiment e1']) {
      expect(blindQueue(IDEAS, seed).audit.order).not.toEqual(creationOrder);
    }
  });

  it('is reproducible from the seed, whatever the input order, and differs between seeds', () => {
    const a = blindQueue(IDEAS, 'seed-1');
    expect(blindQueue([...IDEAS].reverse(), 'seed-1')).toEqual(a);
    expect(a.audit.seed).toBe('seed-1');
    expect(blindQueue(IDEAS, 'seed-2').audit.order).not.toEqual(a.audit.order);
  });

  it('keeps the mapping server-side in the audit record', () => {
    const { items, audit } = blindQueue(IDEAS, 'seed-1');
    expect([...audit.order].sort()).toEqual(creationOrder);
    items.forEach((item, i) => {
      const id = resolveToken(audit, item.token);
      expect(id).toBe(audit.order[i]);
      expect(IDEAS.find((idea) => idea.id === id)?.text).toBe(item.text);
    });
    expect(() => resolveToken(audit, 'ffffffffffffffff')).toThrow(WhetstoneError);
  });

  it('gives random-looking tokens that are not the ids and do not follow creation order', () => {
    const { items, audit } = blindQueue(IDEAS, 'seed-1');
    const tokens = items.map((i) => i.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[0-9a-f]{16}$/);
      for (const id of creationOrder) expect(token).not.toContain(id);
    }
    // Sorting by token does not recover creation order (nor the shown order).
    const byToken = [...audit.tokens.keys()].sort((x, y) => audit.tokens[x]!.localeCompare(audit.tokens[y]!));
    expect(byToken.map((i) => audit.order[i])).not.toEqual(creationOrder);
    // Tokens depend on the seed and the number of ideas only: renaming every id leaves them unchanged.
    const renamed = IDEAS.map((idea) => ({ ...idea, id: `x-${idea.id}` }));
    expect(blindQueue(renamed, 'seed-1').items.map((i) => i.token)).toEqual(tokens);
  });

  it('handles no ideas, refuses duplicate ids and empty seeds', () => {
    expect(blindQueue([], 's')).toEqual({ items: [], audit: { seed: 's', order: [], tokens: [] } });
    expect(() => blindQueue([IDEAS[0]!, IDEAS[0]!], 's')).toThrow(/appears twice/);
    expect(() => blindQueue(IDEAS, '')).toThrow(WhetstoneError);
  });
});
