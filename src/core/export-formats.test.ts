import { describe, expect, it } from 'vitest';
import type { BackupArea } from './backup.js';
import { canonicalJson } from './backup.js';
import { ideasToCsv, ideasToMarkdown } from './export-formats.js';
import type { Idea } from './ideas.js';

const area: BackupArea = {
  id: 'writing',
  name: 'Writing',
  description: null,
  isDefault: true,
  archivedAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
};
const idea = (over: Partial<Idea>): Idea => ({
  id: 'abcd123456',
  text: 'Write the abstract first',
  areaId: 'writing',
  source: 'noticed',
  status: 'new',
  value: 4,
  effort: 'S',
  context: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  statusChangedAt: '2026-11-02T09:00:00.000Z',
  sessionId: null,
  questionId: null,
  ...over,
});

describe('CSV export', () => {
  it('quotes commas, quotes and newlines (RFC 4180) and names the area', () => {
    const csv = ideasToCsv([idea({ text: 'Say "no", kindly\nto meetings' })], [area]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('id,text,area,source,status,value,effort,context,createdAt,updatedAt');
    expect(csv).toContain('"Say ""no"", kindly\nto meetings",Writing,noticed,new,4,S,,');
    expect(row?.startsWith('abcd123456,')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(ideasToCsv([idea({ text: '=HYPERLINK("x")' })], [area])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('Markdown export', () => {
  it('groups ideas by area with Obsidian-style inline fields', () => {
    const md = ideasToMarkdown(
      [idea({}), idea({ id: 'zzzz999999', areaId: null, status: 'adopted', text: 'Nap' })],
      [area],
      'T',
    );
    expect(md).toContain('## Writing\n\n- [ ] Write the abstract first #whetstone/new');
    expect(md).toContain('  value:: 4/5');
    expect(md).toContain('## No area\n\n- [x] Nap #whetstone/adopted');
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});
