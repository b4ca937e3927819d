import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

/** The ~49,000 most common passwords of the zxcvbn-ts list, lower-cased, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
  return common;
}

/**
 * Why `password` is not acceptable, or null. Length first (NIST SP 800-63B §3.1.1.2 asks for a
 * minimum and a check against commonly used passwords, and no composition rules).
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const folded = password.toLowerCase();
  if (commonPasswords().has(folded) || commonPasswords().has(folded.replace(/[\d!?.]+$/, '')))
    return 'is one of the most common passwords; choose another';
  return null;
}
