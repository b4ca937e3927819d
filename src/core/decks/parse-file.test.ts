import { describe, expect, it } from 'vitest';
import { DEFAULT_AREAS } from '../areas.js';
import { WhetstoneError } from '../errors.js';
import { BUILTIN_DECKS } from './builtin.js';
import { parseDeckFile, serializeDeck } from './parse-file.js';

const known = new Set(DEFAULT_AREAS.map((area) => area.id));

function failure(text: string, fileName: string): WhetstoneError {
  try {
    parseDeckFile(text, fileName, known);
  } catch (error) {
    expect(error).toBeInstanceOf(WhetstoneError);
    expect((error as WhetstoneError).code).toBe('validation');
    return error as WhetstoneError;
  }
  return expect.unreachable('the file was accepted');
}

// Line numbers are part of the assertions below: keep this text as it is.
const YAML_DECK = `# my deck
id: my-deck
name: My deck
questions:
  - id: warm-up
    stage: opening
    areas: []
    text: What did you spend most of yesterday on?
  - id: code-slow
    stage: exploring
    areas: [coding, foo]
    text: Which part of coding slows you down most?
  - id: warm-up
    stage: planning
    areas:
      - writing
      - bar
    text: What is the smallest version you could try this week?
    colour: blue
`;

const JSON_DECK = `{
  "name": "My deck",
  "questions": [
    {
      "id": "warm-up",
      "stage": "opening",
      "areas": [],
      "text": "What did you spend most of yesterday on?"
    },
    {
      "id": "warm-up",
      "stage": "exploring",
      "areas": ["coding", "foo"],
      "text": "Too short"
    }
  ]
}
`;

describe('parseDeckFile', () => {
  it('reads a valid YAML and the same deck as JSON', () => {
    const yaml =
      'name: Tiny\nquestions:\n  - id: one-q\n    stage: opening\n    areas: []\n    text: What did you do today?\n';
    const fromYaml = parseDeckFile(yaml, 'tiny.yaml', known);
    const fromJson = parseDeckFile(JSON.stringify(fromYaml), 'tiny.json', known);
    expect(fromJson).toEqual(fromYaml);
    expect(fromYaml.questions[0]?.text).toBe('What did you do today?');
  });

  it('locates every problem of a YAML file by field path and line:column', () => {
    const error = failure(YAML_DECK, 'deck.yaml');
    expect(error.issues).toEqual([
      {
        field: 'questions.1.areas.1',
        message:
          'deck.yaml:11:21: unknown area "foo" (known: collaborators, prioritisation, decomposition, coding, writing, reading, research-ideas, learning, environment, energy)',
      },
      {
        field: 'questions.2.id',
        message: 'deck.yaml:13:9: duplicate question id "warm-up" (first used by questions.0)',
      },
      {
        field: 'questions.2.areas.1',
        message: expect.stringMatching(/^deck\.yaml:17:9: unknown area "bar"/),
      },
      {
        field: 'questions.2.colour',
        message: 'deck.yaml:19:5: unknown field "colour" (allowed: id, text, areas, stage)',
      },
    ]);
    expect(error.message).toMatch(
      /^deck\.yaml:11:21: questions\.1\.areas\.1: unknown area "foo" .* \(and 3 more problems\)$/,
    );
  });

  it('locates every problem of a JSON file by field path and line:column', () => {
    const error = failure(JSON_DECK, 'deck.json');
    expect(error.issues).toEqual([
      {
        field: 'questions.1.id',
        message: 'deck.json:11:13: duplicate question id "warm-up" (first used by questions.0)',
      },
      {
        field: 'questions.1.areas.1',
        message: expect.stringMatching(/^deck\.json:13:27: unknown area "foo"/),
      },
      { field: 'questions.1.text', message: 'deck.json:14:15: must be at least 10 characters' },
    ]);
  });

  it('points a missing field at the object that lacks it', () => {
    const error = failure(
      'name: X\nquestions:\n  - id: no-text\n    stage: opening\n    areas: []\n',
      'd.yaml',
    );
    expect(error.issues).toEqual([{ field: 'questions.0.text', message: 'd.yaml:3:5: is required' }]);
  });

  it('points an empty value at its key', () => {
    const error = failure(
      'name: X\nquestions:\n  - id: empty\n    stage: opening\n    areas: []\n    text:\n',
      'd.yaml',
    );
    expect(error.issues).toEqual([{ field: 'questions.0.text', message: 'd.yaml:6:5: must be a string' }]);
  });

  it('gives the location of a syntax error', () => {
    const yaml = 'name: X\nquestions:\n  - id: a\n   text: b\n';
    const error = failure(yaml, 'deck.yaml');
    expect(error.issues[0]?.field).toBe('(file)');
    expect(error.issues[0]?.message).toMatch(/^deck\.yaml:4:1: \S/);
    expect(error.message).toBe(error.issues[0]?.message);

    const json = '{\n  "name": "X",\n  "questions": [\n    {"id": "a" "text": "b"}\n  ]\n}\n';
    expect(failure(json, 'deck.json').issues[0]?.message).toMatch(/^deck\.json:4:\d+: \S/);
  });

  it('refuses duplicate keys and several documents with a location', () => {
    expect(failure('name: X\nname: Y\n', 'd.yaml').issues[0]?.message).toMatch(
      /^d\.yaml:2:1: Map keys must be unique/,
    );
    expect(failure('name: X\n---\nname: Y\n', 'd.yaml').issues[0]?.message).toBe(
      'd.yaml:2:1: a deck file holds one document, but a second one starts here',
    );
  });

  it('explains an empty file and a file that is not a mapping', () => {
    for (const empty of ['', '   \n', '# only a comment\n'])
      expect(failure(empty, 'd.yaml').message).toBe(
        'd.yaml: the file is empty; a deck needs a name and at least one question',
      );
    expect(failure('- one\n- two\n', 'd.yaml').message).toBe(
      'd.yaml:1:1: a deck must be a mapping (object) with a name and questions, found a list',
    );
    expect(failure('\n"just text"', 'd.json').message).toBe(
      'd.json:2:1: a deck must be a mapping (object) with a name and questions, found a single value',
    );
  });

  it('reads tab-indented JSON', () => {
    const json =
      '{\n\t"name": "Tabs",\n\t"questions": [\n\t\t{"id": "t-one", "stage": "opening", "areas": [], "text": "What did you do today?"}\n\t]\n}\n';
    expect(parseDeckFile(json, 'tabs.json', known).name).toBe('Tabs');
  });
});

describe('serializeDeck', () => {
  const deck = BUILTIN_DECKS[0]!;

  it('writes keys in a stable order', () => {
    const json = serializeDeck(deck, 'json');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['id', 'name', 'description', 'questions']);
    expect(Object.keys(parsed.questions[0])).toEqual(['id', 'stage', 'areas', 'text']);
    const yaml = serializeDeck(deck, 'yaml');
    expect(yaml.startsWith('id: getting-better-at-research\nname: Getting better at research\n')).toBe(true);
    expect(yaml).toContain(
      '\n  - id: warm-yesterday\n    stage: opening\n    areas: []\n    text: What did you spend most of yesterday on?\n',
    );
  });

  it('round-trips through both formats', () => {
    const input = {
      id: deck.id,
      name: deck.name,
      description: deck.description ?? undefined,
      questions: deck.questions,
    };
    for (const format of ['json', 'yaml'] as const)
      expect(parseDeckFile(serializeDeck(deck, format), `deck.${format}`, known)).toEqual(input);
  });

  it('leaves out an absent id and description', () => {
    const text = serializeDeck({ name: 'Bare', questions: deck.questions.slice(0, 1) }, 'yaml');
    expect(text.startsWith('name: Bare\nquestions:\n')).toBe(true);
  });
});
