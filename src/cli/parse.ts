/**
 * Flag values arrive as strings; numeric-looking ones become numbers so the core schema can give
 * its own message ("value: must be a whole number from 1 to 5") for anything else.
 */
export function numberish(raw: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
}

/** `--effort m` means M. */
export function effortFlag(raw: string): string {
  return raw.trim().toUpperCase();
}

/** "none" or an empty string clears an optional field in `whet idea edit`. */
export function clearable(raw: string): string | null {
  return raw === '' || raw.toLowerCase() === 'none' ? null : raw;
}

/** Words people type after `whet idea` meaning a command, not an idea (`whet idea list`). */
const COMMAND_LIKE = new Set(['list', 'ls', 'add', 'new', 'search', 'find', 'help']);

/** True when the whole "idea" is one command-like word; the CLI then asks what was meant. */
export function looksLikeCommand(words: readonly string[]): boolean {
  return words.length === 1 && COMMAND_LIKE.has((words[0] ?? '').toLowerCase());
}
