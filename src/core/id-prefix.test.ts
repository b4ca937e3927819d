import { describe, expect, it } from 'vitest';
import { errorOf } from './errors.test-support.js';
import { pickByPrefix } from './id-prefix.js';

describe('an id by a unique prefix', () => {
  it('picks the one match, or the exact id among longer ones', () => {
    expect(pickByPrefix('session', 'AB12 ', ['ab12cdefgh'])).toBe('ab12cdefgh');
    expect(pickByPrefix('pool', 'ab12', ['ab12', 'ab12x'])).toBe('ab12');
  });

  it('says when a prefix is ambiguous, listing the matches, and when there is none', () => {
    const ambiguous = errorOf(() => pickByPrefix('session', 'ab12', ['ab12cdefgh', 'ab12zzzzzz']));
    expect(ambiguous?.code).toBe('validation');
    expect(ambiguous?.message).toBe(
      'id: "ab12" is ambiguous: 2 sessions start with it (ab12cdefgh, ab12zzzzzz); type more of it',
    );
    const none = errorOf(() => pickByPrefix('experiment', 'zzzz', []));
    expect(none?.code).toBe('not_found');
    expect(none?.message).toBe('experiment zzzz not found (see: whet experiment list)');
  });

  it('refuses fewer than four characters or other characters, naming the field', () => {
    expect(errorOf(() => pickByPrefix('pool', 'ab', [], '<pool>'))?.message).toBe(
      '<pool>: must be a pool id or at least its first 4 characters',
    );
    expect(errorOf(() => pickByPrefix('idea', 'ab-1', []))?.message).toBe(
      'id: must be an idea id or at least its first 4 characters',
    );
  });
});
