import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { validationError } from '../core/errors.js';

/** The text of a file named on the command line, or a one-line error naming it. */
export function readInputFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw validationError(
      'file',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/** Writes beside the target and renames, so an interrupted write never leaves half a file. */
export function writeOutputFile(path: string, body: string): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, body);
  renameSync(partial, path);
}
