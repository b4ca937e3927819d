import * as z from 'zod/mini';
import { type CsvRecord, parseCsv } from './csv.js';
import { validationError, WhetstoneError } from './errors.js';
import { CSV_COLUMNS } from './export-formats.js';
import { parseIdeaLine } from './idea-line.js';
import { IdeaStatus } from './idea-status.js';
import { Effort, IdeaId, IdeaSource, IdeaText, IdeaValue, SOURCE_LABELS } from './ideas.js';
import { IDEA_CONTEXT_MAX } from './limits.js';
import { trimmedText } from './text.js';
import { LocalDate } from './time-zone.js';
import { parseInput } from './validation.js';

/*
 * Ideas brought in from a file other than a Whetstone backup: the CSV that `whet export --format
 * csv` writes (or any CSV with a `text` column), and Markdown lists (`- idea`, `* idea`, `1. idea`)
 * with an optional `#area` tag at the start or end, as in a terminal session. Parsing is pure; the
 * service resolves the areas and writes the ideas.
 */

/** The formats `whet import` reads: a JSON backup, CSV, or a Markdown list. */
export const IMPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One idea read from a file, before its area is resolved. */
export interface IdeaDraft {
  /** Where it is in the file, as a person finds it: "row 3" (CSV, header = row 1) or "line 12". */
  where: string;
  /** The id it had when exported, so importing the same file twice creates nothing new. */
  id: string | null;
  text: string;
  /** An area the file names for it (name or id): it must exist. */
  area: string | null;
  /** The heading above a Markdown item: its area when it names one, otherwise ignored. */
  areaHint: string | null;
  source: IdeaSource;
  status: IdeaStatus;
  value: number | null;
  effort: Effort | null;
  context: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** A capture date without a time (Markdown's `captured::`): local midnight of that day. */
  capturedOn: string | null;
}

const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

const DraftSchema = z.object({
  id: z.nullable(IdeaId),
  text: IdeaText,
  area: z.nullable(z.string()),
  areaHint: z.nullable(z.string()),
  source: IdeaSource,
  status: IdeaStatus,
  value: z.nullable(IdeaValue),
  effort: z.nullable(Effort),
  context: z.nullable(trimmedText(IDEA_CONTEXT_MAX)),
  createdAt: z.nullable(Instant),
  updatedAt: z.nullable(Instant),
  capturedOn: z.nullable(LocalDate),
});

/** The file's format: by its extension, else by its first characters. */
export function detectImportFormat(fileName: string, text: string): ImportFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv') return 'csv';
  if (extension === 'md' || extension === 'markdown') return 'md';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/^"?text"?(,|$)/i.test(firstLine) || /,"?text"?(,|$)/i.test(firstLine)) return 'csv';
  if (LIST_ITEM.test(firstLine) || HEADING.test(firstLine)) return 'md';
  throw validationError(
    'file',
    'not a JSON backup, a CSV with a "text" column, or a Markdown list (- idea); name it .json, .csv or .md',
  );
}

/** Every idea of `text` in `format` (CSV or Markdown), or an error naming the row and field. */
export function ideaDrafts(format: Exclude<ImportFormat, 'json'>, text: string): IdeaDraft[] {
  return format === 'csv' ? draftsFromCsv(text) : draftsFromMarkdown(text);
}

/** Validates one draft; an error names where it is and the field (`row 3: value: …`). */
function checkedDraft(where: string, fields: Omit<IdeaDraft, 'where'>): IdeaDraft {
  try {
    return { where, ...parseInput(DraftSchema, fields) };
  } catch (error) {
    if (!(error instanceof WhetstoneError)) throw error;
    const issues = error.issues.map((i) => ({ field: `${where}: ${i.field}`, message: i.message }));
    throw new WhetstoneError('validation', `${where}: ${error.message}`, issues);
  }
}

/** A number when `raw` looks like one, so the schema's own message covers anything else. */
function numberish(raw: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
}

// ---------------------------------------------------------------------------------------------
// CSV

type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The export guards cells a spreadsheet would run as a formula with an apostrophe; undo that. */
function unguarded(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function draftsFromCsv(text: string): IdeaDraft[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw validationError('file', 'the CSV is empty; its first row names the columns');
  const columns = header.cells.map((name) => name.trim());
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = columns.find((name) => !known.has(name));
  if (unknown !== undefined)
    throw validationError(
      'row 1',
      `unknown column "${unknown}"; the columns are ${CSV_COLUMNS.join(', ')} (only text is required)`,
    );
  if (!columns.includes('text')) throw validationError('row 1', 'a "text" column is required');
  return rows.map((record, index) => csvDraft(record, columns as CsvColumn[], `row ${index + 2}`));
}

function csvDraft(record: CsvRecord, columns: readonly CsvColumn[], where: string): IdeaDraft {
  if (record.cells.length !== columns.length)
    throw validationError(
      where,
      `has ${record.cells.length} cells where the header has ${columns.length} (line ${record.line})`,
    );
  const cell = (name: CsvColumn): string | null => {
    const at = columns.indexOf(name);
    const raw = at < 0 ? '' : unguarded(record.cells[at] ?? '').trim();
    return raw === '' ? null : raw;
  };
  const value = cell('value');
  const effort = cell('effort');
  return checkedDraft(where, {
    id: cell('id'),
    text: cell('text') ?? '',
    area: cell('area'),
    areaHint: null,
    source: cell('source') ?? 'imported',
    status: cell('status') ?? 'new',
    value: value === null ? null : numberish(value),
    effort: effort === null ? null : effort.toUpperCase(),
    context: cell('context'),
    createdAt: cell('createdAt'),
    updatedAt: cell('updatedAt'),
    capturedOn: null,
  } as Omit<IdeaDraft, 'where'>);
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** A list item at the top level: `- `, `* `, `+ `, `1. ` or `1) `. */
const LIST_ITEM = /^ ?([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const CHECKBOX = /^\[[ xX]\]\s*/;
/** `key:: value` lines under an item (the Markdown export's Obsidian/Logseq fields). */
const FIELD = /^\s+([a-z]+)::\s*(.*)$/;
/** The export's status tag, `#whetstone/adopted`. */
const STATUS_TAG = /(^|\s)#whetstone\/([a-z]+)(?=\s|$)/;

const SOURCE_BY_LABEL = new Map(
  Object.entries(SOURCE_LABELS).flatMap(([key, label]) => [
    [label.toLowerCase(), key],
    [key, key],
  ]),
);

interface OpenItem {
  line: number;
  lines: string[];
  area: string | null;
  areaHint: string | null;
  status: string;
  fields: Map<string, string>;
}

/** The item's first line: its text, an `#area` tag at its start or end, the export's status tag. */
function itemHead(content: string): { text: string; area: string | null; status: string | null } {
  const text = content.replace(CHECKBOX, '');
  const status = STATUS_TAG.exec(text)?.[2] ?? null;
  const line = parseIdeaLine(text.replace(STATUS_TAG, ' ').trim());
  return { text: line.text, area: line.area ?? null, status };
}

function markdownDraft(item: OpenItem): IdeaDraft {
  const field = (name: string) => item.fields.get(name) ?? null;
  const value = field('value')?.replace(/\/5$/, '') ?? null;
  const source = field('source');
  const effort = field('effort');
  return checkedDraft(`line ${item.line}`, {
    id: field('id'),
    text: item.lines.join('\n'),
    area: item.area,
    areaHint: item.areaHint,
    source: source === null ? 'imported' : (SOURCE_BY_LABEL.get(source.toLowerCase()) ?? source),
    status: item.status,
    value: value === null ? null : numberish(value),
    effort: effort === null ? null : effort.toUpperCase(),
    context: field('context'),
    createdAt: null,
    updatedAt: null,
    capturedOn: field('captured'),
  } as Omit<IdeaDraft, 'where'>);
}

function draftsFromMarkdown(text: string): IdeaDraft[] {
  const drafts: IdeaDraft[] = [];
  let heading: string | null = null;
  let open: OpenItem | null = null;
  const close = () => {
    if (open && open.lines.join('').trim() !== '') drafts.push(markdownDraft(open));
    open = null;
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const headingMatch = HEADING.exec(raw);
      if (headingMatch) {
        close();
        heading = headingMatch[1]!.replace(/\s+\(archived\)$/, '');
        return;
      }
      const item = LIST_ITEM.exec(raw);
      if (item) {
        close();
        const head = itemHead(item[2] ?? '');
        open = {
          line,
          lines: [head.text],
          area: head.area,
          areaHint: heading,
          status: head.status ?? 'new',
          fields: new Map(),
        };
        return;
      }
      const current = open as OpenItem | null;
      if (current && /^\s{2,}\S/.test(raw)) {
        const field = FIELD.exec(raw);
        if (field) current.fields.set(field[1]!, field[2]!.trim());
        else current.lines.push(raw.replace(/^\s{2}/, ''));
        return;
      }
      // A blank line or a paragraph ends the item; paragraphs are not ideas.
      close();
    });
  close();
  return drafts;
}
