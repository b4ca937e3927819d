import {
  Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
} from 'yaml';
import type { FieldIssue } from '../errors.js';
import type { Deck, DeckInput } from './deck.js';
import { checkDeck, type DeckIssue, deckError, fieldOf } from './validate.js';

/**
 * Deck files: JSON or YAML (YAML 1.2 reads JSON too, so one parser serves both and keeps source
 * positions). Every problem names its field path and its place in the file, compiler style:
 * field `questions.3.areas.0`, message `deck.yaml:14:9: unknown area "foo"`.
 */

/** Largest deck file accepted (characters); 500 questions of 300 characters fit many times over. */
export const DECK_FILE_MAX = 1024 * 1024;

/** The field of problems that belong to the file as a whole (syntax, emptiness, size). */
export const FILE_FIELD = '(file)';

export type DeckFileFormat = 'json' | 'yaml';

/** Parses and validates a deck file; throws a `validation` WhetstoneError listing every problem. */
export function parseDeckFile(text: string, fileName: string, knownAreaIds: ReadonlySet<string>): DeckInput {
  if (text.length > DECK_FILE_MAX)
    throw fileError(fileName, `the file is too large (at most ${DECK_FILE_MAX} characters)`);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, offset));
    return `${fileName}:${line}:${col}`;
  };

  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const issues: FieldIssue[] = [];
    for (const error of doc.errors) {
      const message = `${at(error.pos[0])}: ${syntaxMessage(error.code, error.message)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      issues.push({ field: FILE_FIELD, message });
    }
    throw deckError(issues, (first) => first.message);
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null))
    throw fileError(fileName, 'the file is empty; a deck needs a name and at least one question');
  if (!isMap(root)) {
    const found = isSeq(root) ? 'a list' : 'a single value';
    throw fileError(
      `${at(root.range?.[0] ?? 0)}`,
      `a deck must be a mapping (object) with a name and questions, found ${found}`,
    );
  }

  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw fileError(`${at(0)}`, error instanceof Error ? error.message : String(error));
  }

  const { deck, issues } = checkDeck(input, knownAreaIds);
  if (deck) return deck;
  const located = issues
    .map((issue, order) => ({ issue, order, offset: offsetOf(root, issue, doc) }))
    .sort((a, b) => a.offset - b.offset || a.order - b.order);
  const fieldIssues = located.map(({ issue, offset }) => ({
    field: fieldOf(issue.path),
    message: `${at(offset)}: ${issue.message}`,
  }));
  throw deckError(fieldIssues, () => {
    const first = located[0];
    return first
      ? `${at(first.offset)}: ${fieldOf(first.issue.path)}: ${first.issue.message}`
      : 'invalid deck';
  });
}

/**
 * A deck as a file to share or edit, keys in a stable order (id, name, description, then each
 * question's id, stage, areas, text). Parsing the result gives the same deck back.
 */
export function serializeDeck(deck: DeckInput | Deck, format: DeckFileFormat): string {
  const plain = {
    ...(deck.id ? { id: deck.id } : {}),
    name: deck.name,
    ...(deck.description ? { description: deck.description } : {}),
    questions: deck.questions.map((question) => ({
      id: question.id,
      stage: question.stage,
      areas: [...question.areas],
      text: question.text,
    })),
  };
  if (format === 'json') return `${JSON.stringify(plain, null, 2)}\n`;
  const doc = new Document(plain);
  // Areas read best on one line: `areas: [coding, writing]`.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'areas' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The offset in the source of the node an issue is about (or of its nearest existing ancestor). */
function offsetOf(root: YamlNode, issue: DeckIssue, doc: Document.Parsed): number {
  let node: unknown = root;
  let offset = start(root) ?? 0;
  for (const [index, segment] of issue.path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const keyOffset = start(pair.key);
      const value = pair.value;
      const isLast = index === issue.path.length - 1;
      const emptyValue = !isNode(value) || (isScalar(value) && value.value === null);
      if ((isLast && issue.atKey) || emptyValue) {
        offset = keyOffset ?? offset;
        break;
      }
      node = value;
      offset = start(value) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      node = item;
      offset = start(item) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function start(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'a deck file holds one document, but a second one starts here';
  return message;
}

function fileError(where: string, message: string) {
  return deckError([{ field: FILE_FIELD, message: `${where}: ${message}` }], (first) => first.message);
}
