import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it('counts one in the singular and everything else in the plural, irregular plurals included', () => {
    expect(plural(1, 'idea')).toBe('1 idea');
    expect(plural(0, 'idea')).toBe('0 ideas');
    expect(plural(9, 'idea')).toBe('9 ideas');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
