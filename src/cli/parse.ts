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
