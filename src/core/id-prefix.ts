import { validationError, WhetstoneError } from './errors.js';

/*
 * Short ids on the command line, as in git: any unique prefix of an id of at least four
 * characters names the record. One rule for ideas, plans, sessions, pools and experiments.
 */

/** Records of a person's own store that can be named by an id prefix, with the command listing them. */
export const LOCAL_PREFIXED_KINDS = {
  idea: 'whet ideas',
  plan: 'whet plan list --state all',
  session: 'whet sessions',
  pool: 'whet pool list',
  experiment: 'whet experiment list',
} as const;
export type LocalPrefixedKind = keyof typeof LOCAL_PREFIXED_KINDS;

/** Those, and records only a team server has (the CLI picks among the ids its API lists). */
export const PREFIXED_KINDS = { ...LOCAL_PREFIXED_KINDS, conversation: 'whet conversations' } as const;
export type PrefixedKind = keyof typeof PREFIXED_KINDS;

const ID_PREFIX = /^[0-9a-z]{4,32}$/;

/** The prefix as stored ids are spelled (lowercase), or a validation error naming `field`. */
export function idPrefixOf(kind: PrefixedKind, typed: string, field: string = 'id'): string {
  const wanted = typed.trim().toLowerCase();
  if (!ID_PREFIX.test(wanted))
    throw validationError(field, `must be ${article(kind)} ${kind} id or at least its first 4 characters`);
  return wanted;
}

/**
 * The one id `typed` names among `matches` (the ids starting with it): an exact id wins, several
 * are ambiguous, none is not found.
 */
export function pickByPrefix(
  kind: PrefixedKind,
  typed: string,
  matches: readonly string[],
  field: string = 'id',
): string {
  const wanted = idPrefixOf(kind, typed, field);
  if (matches.includes(wanted)) return wanted;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    throw new WhetstoneError('not_found', `${kind} ${typed.trim()} not found (see: ${PREFIXED_KINDS[kind]})`);
  throw validationError(
    field,
    `"${typed.trim()}" is ambiguous: ${matches.length} ${kind}s start with it (${matches.join(', ')}); type more of it`,
  );
}

function article(kind: PrefixedKind): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}
