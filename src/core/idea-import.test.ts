import { describe, expect, it } from 'vitest';
import { errorOf } from './errors.test-support.js';
import { ideasToCsv, ideasToMarkdown } from './export-formats.js';
import { detectImportFormat, ideaDrafts } from './idea-import.js';
import type { Idea } from './ideas.js';

const AREAS = [
  {
    id: 'writing',
    name: 'Writing',
    description: null,
    isDefault: true,
    archivedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
];

const IDEA: Idea = {
  id: 'abcd123456',
  text: '=SUM(A1) is not a formula, "quoted", with a comma\nand a second line',
  areaId: 'writing',
  source: 'session',
  status: 'trying',
  value: 4,
  effort: 'M',
  context: 'the ICML draft',
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
  statusChangedAt: '2026-03-02T10:00:00.000Z',
  sessionId: null,
  questionId: null,
};

describe('detectImportFormat', () => {
  it('goes by the extension, then by the content', () => {
    expect(detectImportFormat('ideas.CSV', '{')).toBe('csv');
    expect(detectImportFormat('notes.md', 'text,area')).toBe('md');
    expect(detectImportFormat('backup.json', '')).toBe('json');
    expect(detectImportFormat('-', '  {"format":"whetstone-backup"}')).toBe('json');
    expect(detectImportFormat('ideas.txt', 'id,text,area\r\n')).toBe('csv');
    expect(detectImportFormat('ideas.txt', '- one idea\n- another')).toBe('md');
    expect(errorOf(() => detectImportFormat('ideas.txt', 'just prose'))?.issues[0]?.field).toBe('file');
  });
});

describe('CSV import', () => {
  it('reads back exactly what the CSV export writes', () => {
    const [draft, ...rest] = ideaDrafts('csv', ideasToCsv([IDEA], AREAS));
    expect(rest).toEqual([]);
    expect(draft).toEqual({
      where: 'row 2',
      id: IDEA.id,
      text: IDEA.text,
      area: 'Writing',
      areaHint: null,
      source: 'session',
      status: 'trying',
      value: 4,
      effort: 'M',
      context: 'the ICML draft',
      createdAt: IDEA.createdAt,
      updatedAt: IDEA.updatedAt,
      capturedOn: null,
    });
  });

  it('needs only a text column; the rest defaults', () => {
    const drafts = ideaDrafts('csv', 'text\n"first, idea"\nsecond\n');
    expect(drafts.map((d) => [d.where, d.text, d.source, d.status, d.area])).toEqual([
      ['row 2', 'first, idea', 'imported', 'new', null],
      ['row 3', 'second', 'imported', 'new', null],
    ]);
  });

  it('a bad row names the row and the field', () => {
    const bad = 'text,value\nfine,3\nnot fine,9\n';
    const error = errorOf(() => ideaDrafts('csv', bad));
    expect(error?.message).toBe('row 3: value: must be a whole number from 1 to 5');
    expect(error?.issues[0]?.field).toBe('row 3: value');
    expect(errorOf(() => ideaDrafts('csv', 'text,effort\nx,huge\n'))?.message).toMatch(/^row 2: effort: /);
    expect(errorOf(() => ideaDrafts('csv', 'text,status\n"",new\n'))?.message).toBe(
      'row 2: text: must not be empty',
    );
    expect(errorOf(() => ideaDrafts('csv', 'text,colour\nx,red\n'))?.message).toMatch(
      /^row 1: unknown column "colour"/,
    );
    expect(errorOf(() => ideaDrafts('csv', 'text,value\nx\n'))?.message).toMatch(/^row 2: has 1 cells/);
  });
});

describe('Markdown import', () => {
  it('reads -, * and numbered items with #area at the start or end, and headings as area hints', () => {
    const md = [
      '# Reading',
      '',
      '- Summarise one paper a week #writing',
      '* #coding Write the test first',
      '1. Ask for a review',
      '2) Keep a reading log',
      '',
      'A paragraph is not an idea.',
      '- [ ] Turn off notifications',
    ].join('\n');
    expect(ideaDrafts('md', md).map((d) => [d.where, d.text, d.area, d.areaHint])).toEqual([
      ['line 3', 'Summarise one paper a week', 'writing', 'Reading'],
      ['line 4', 'Write the test first', 'coding', 'Reading'],
      ['line 5', 'Ask for a review', null, 'Reading'],
      ['line 6', 'Keep a reading log', null, 'Reading'],
      ['line 9', 'Turn off notifications', null, 'Reading'],
    ]);
  });

  it('reads back the Markdown export: text lines, status tag, fields', () => {
    const [draft, ...rest] = ideaDrafts('md', ideasToMarkdown([IDEA], AREAS, '2026-03-03'));
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      id: IDEA.id,
      text: IDEA.text,
      areaHint: 'Writing',
      area: null,
      source: 'session',
      status: 'trying',
      value: 4,
      effort: 'M',
      context: 'the ICML draft',
      capturedOn: '2026-03-01',
    });
  });

  it('a bad item names its line and field', () => {
    expect(errorOf(() => ideaDrafts('md', '- fine\n- not fine\n  value:: 7/5'))?.message).toBe(
      'line 2: value: must be a whole number from 1 to 5',
    );
  });
});
