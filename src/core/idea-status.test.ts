import { describe, expect, it } from 'vitest';
import { WhetstoneError } from './errors.js';
import { allowedTransitions, assertTransition, canTransition, IDEA_STATUSES } from './idea-status.js';

describe('idea status lifecycle', () => {
  it('follows new -> planned -> trying -> adopted', () => {
    expect(canTransition('new', 'planned')).toBe(true);
    expect(canTransition('planned', 'trying')).toBe(true);
    expect(canTransition('trying', 'adopted')).toBe(true);
  });

  it('lets any open idea be dropped, and a dropped one be reopened', () => {
    for (const from of ['new', 'planned', 'trying'] as const)
      expect(canTransition(from, 'dropped')).toBe(true);
    expect(allowedTransitions('dropped')).toEqual(['new']);
  });

  it('refuses skipping straight to adopted, naming the allowed next states', () => {
    expect(canTransition('new', 'adopted')).toBe(false);
    try {
      assertTransition('new', 'adopted');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WhetstoneError);
      const e = error as WhetstoneError;
      expect(e.code).toBe('illegal_transition');
      expect(e.issues[0]?.field).toBe('status');
      expect(e.message).toContain('allowed: planned, trying, dropped');
    }
  });

  it('treats staying in the same state as a no-op, for every state', () => {
    for (const status of IDEA_STATUSES) expect(() => assertTransition(status, status)).not.toThrow();
  });

  it('never allows a transition out of the known states', () => {
    for (const from of IDEA_STATUSES) {
      for (const to of allowedTransitions(from)) expect(IDEA_STATUSES).toContain(to);
    }
  });
});
