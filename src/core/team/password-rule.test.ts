import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN, passwordProblem } from './password-rule.js';

describe('the password rule', () => {
  it('asks for at least 12 characters, counting characters rather than bytes', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblem('short-one')).toBe('must be at least 12 characters');
    expect(passwordProblem('ééééééééééé')).toBe('must be at least 12 characters');
    expect(passwordProblem('correct horse battery')).toBeNull();
  });

  it('refuses passwords from the common-password list, in any case, also with digits appended', () => {
    // Both are on the list as written ("qwerty123456", "1qaz2wsx3edc").
    expect(passwordProblem('qwerty123456')).toMatch(/most common passwords/);
    expect(passwordProblem('1QAZ2WSX3EDC')).toMatch(/most common passwords/);
    // "baseballbaseball" is not on the list, but "baseball" with digits stripped is checked too.
    expect(passwordProblem('footballfootball')).toBeNull();
    expect(passwordProblem('sunshine12345678')).toMatch(/most common passwords/);
  });

  it('caps the length so hashing cannot be used to tie up the server', () => {
    expect(passwordProblem('x'.repeat(129))).toBe('must be at most 128 characters');
  });
});
