import { describe, expect, it } from 'vitest';
import { IDEA_STATUSES } from '../idea-status.js';
import { ideaStatusFor, ideaStatusSteps, linkedIdeaStatus } from './linked-ideas.js';

describe('linked ideas follow the plan', () => {
  it('maps plan states to idea statuses', () => {
    expect(ideaStatusFor('active', false)).toBe('planned');
    expect(ideaStatusFor('active', true)).toBe('trying');
    expect(ideaStatusFor('reviewing', true)).toBe('trying');
    expect(ideaStatusFor('adjusted', false)).toBe('trying');
    expect(ideaStatusFor('kept', false)).toBe('adopted');
    expect(ideaStatusFor('dropped', true)).toBe('dropped');
  });

  it('takes the most advanced status over several plans', () => {
    expect(linkedIdeaStatus([])).toBeNull();
    expect(linkedIdeaStatus([{ state: 'dropped', hasPractice: true }])).toBe('dropped');
    expect(
      linkedIdeaStatus([
        { state: 'dropped', hasPractice: true },
        { state: 'active', hasPractice: false },
      ]),
    ).toBe('planned');
    expect(
      linkedIdeaStatus([
        { state: 'active', hasPractice: true },
        { state: 'kept', hasPractice: false },
      ]),
    ).toBe('adopted');
  });

  it('finds legal paths through the idea lifecycle', () => {
    expect(ideaStatusSteps('new', 'planned')).toEqual(['planned']);
    expect(ideaStatusSteps('planned', 'adopted')).toEqual(['trying', 'adopted']);
    expect(ideaStatusSteps('new', 'adopted')).toEqual(['trying', 'adopted']);
    expect(ideaStatusSteps('adopted', 'dropped')).toEqual(['trying', 'dropped']);
    expect(ideaStatusSteps('dropped', 'planned')).toEqual(['new', 'planned']);
    expect(ideaStatusSteps('trying', 'trying')).toEqual([]);
    // Every status is reachable from every other.
    for (const from of IDEA_STATUSES)
      for (const to of IDEA_STATUSES) if (from !== to) expect(ideaStatusSteps(from, to).at(-1)).toBe(to);
  });
});
