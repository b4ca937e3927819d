import { AreaId } from '../areas.js';
import { type FieldIssue, WhetstoneError } from '../errors.js';
import { DeckInput, DeckQuestion, DeckSlug } from './deck.js';
import '../schema-messages.js';

/** A problem found in a deck, located by its path in the input (`['questions', 3, 'areas', 1]`). */
export interface DeckIssue {
  path: readonly (string | number)[];
  message: string;
  /** The issue is about a key itself (an unknown field), not about its value. */
  atKey?: boolean;
}

const DECK_FIELDS = Object.keys(DeckInput.shape).join(', ');
const QUESTION_FIELDS = Object.keys(DeckQuestion.shape).join(', ');
/** How many known area ids an "unknown area" message lists before it stops. */
const KNOWN_AREAS_SHOWN = 10;

/**
 * Checks a deck as a person wrote it: the schema, then what the schema cannot see (question ids
 * unique within the deck, areas that exist). Every problem is returned, in document order as far
 * as the input allows; `deck` is set only when there are none.
 */
export function checkDeck(
  input: unknown,
  knownAreaIds: ReadonlySet<string>,
): { deck: DeckInput; issues: [] } | { deck: undefined; issues: DeckIssue[] } {
  const result = DeckInput.safeParse(input);
  const issues: DeckIssue[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
      if (issue.code === 'unrecognized_keys') {
        const allowed = path.length === 0 ? DECK_FIELDS : QUESTION_FIELDS;
        for (const key of issue.keys)
          issues.push({
            path: [...path, key],
            message: `unknown field "${key}" (allowed: ${allowed})`,
            atKey: true,
          });
      } else {
        issues.push({ path, message: issue.message });
      }
    }
  }
  issues.push(...crossChecks(input, knownAreaIds));
  if (issues.length === 0 && result.success) return { deck: result.data, issues: [] };
  return { deck: undefined, issues: sortByQuestion(issues) };
}

/**
 * Validates a deck and returns it parsed (texts trimmed). Throws a `validation` WhetstoneError
 * listing every problem — schema errors, duplicate question ids, unknown areas — whose message
 * starts with the first one: `questions.3.areas.1: unknown area "foo" (known: ...)`.
 */
export function validateDeck(input: unknown, knownAreaIds: ReadonlySet<string>): DeckInput {
  const { deck, issues } = checkDeck(input, knownAreaIds);
  if (deck) return deck;
  const fieldIssues = issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
  throw deckError(fieldIssues, (first) => `${first.field}: ${first.message}`);
}

/** `['questions', 3, 'id']` -> `questions.3.id`; the whole input is `(body)`, as in `toFieldIssues`. */
export function fieldOf(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(body)' : path.join('.');
}

/** One validation error carrying all `issues`; its message is the first issue plus a count. */
export function deckError(issues: FieldIssue[], describe: (first: FieldIssue) => string): WhetstoneError {
  const first = issues[0];
  if (!first) return new WhetstoneError('validation', 'invalid deck');
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new WhetstoneError('validation', `${describe(first)}${more}`, issues);
}

/** Duplicate question ids and unknown or repeated areas, checked on the raw input. */
function crossChecks(input: unknown, knownAreaIds: ReadonlySet<string>): DeckIssue[] {
  if (!isRecord(input) || !Array.isArray(input.questions)) return [];
  const issues: DeckIssue[] = [];
  const firstById = new Map<string, number>();
  input.questions.forEach((question: unknown, index) => {
    if (!isRecord(question)) return;
    const { id, areas } = question;
    if (typeof id === 'string' && DeckSlug.safeParse(id).success) {
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, index);
      else
        issues.push({
          path: ['questions', index, 'id'],
          message: `duplicate question id "${id}" (first used by questions.${first})`,
        });
    }
    if (!Array.isArray(areas)) return;
    const seen = new Map<string, number>();
    areas.forEach((area: unknown, position) => {
      // Malformed ids are already reported by the schema.
      if (typeof area !== 'string' || !AreaId.safeParse(area).success) return;
      const path = ['questions', index, 'areas', position];
      const earlier = seen.get(area);
      if (earlier !== undefined) {
        issues.push({ path, message: `area "${area}" is listed twice (also at areas.${earlier})` });
        return;
      }
      seen.set(area, position);
      if (!knownAreaIds.has(area)) issues.push({ path, message: unknownAreaMessage(area, knownAreaIds) });
    });
  });
  return issues;
}

function unknownAreaMessage(area: string, knownAreaIds: ReadonlySet<string>): string {
  const known = [...knownAreaIds];
  if (known.length === 0) return `unknown area "${area}" (no areas exist)`;
  const close = known.find((id) => editDistance(id, area) <= Math.min(2, Math.floor(id.length / 4)));
  if (close) return `unknown area "${area}" (did you mean "${close}"?)`;
  const shown = known.slice(0, KNOWN_AREAS_SHOWN).join(', ');
  const rest = known.length > KNOWN_AREAS_SHOWN ? `, … ${known.length - KNOWN_AREAS_SHOWN} more` : '';
  return `unknown area "${area}" (known: ${shown}${rest})`;
}

/** Levenshtein distance; ids are short, so the quadratic table is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Deck-level problems first, then by question index; the order within a question is kept. */
function sortByQuestion(issues: DeckIssue[]): DeckIssue[] {
  const rank = (issue: DeckIssue) =>
    issue.path[0] === 'questions' && typeof issue.path[1] === 'number' ? issue.path[1] : -1;
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.order - b.order)
    .map(({ issue }) => issue);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
