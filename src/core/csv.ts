import { WhetstoneError } from './errors.js';

/** One record of a CSV file: its cells and the line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads CSV text as RFC 4180 describes it: comma-separated cells, a quoted cell may hold commas,
 * line breaks and doubled quotes (`""`), records end with CRLF or LF. A trailing line break does
 * not make an empty last record, and blank lines are skipped. A byte-order mark is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  /** Whether the current record has any content (so blank lines are dropped). */
  let started = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (started) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    started = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      started = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      started = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (char === '"') throw csvError(line, 'a quote inside an unquoted cell; quote the whole cell');
      cell += char;
      started = true;
    }
  }
  if (quoted) throw csvError(recordLine, 'a quoted cell is not closed');
  endRecord();
  return records;
}

function csvError(line: number, message: string): WhetstoneError {
  return new WhetstoneError('validation', `line ${line}: ${message}`, [{ field: `line ${line}`, message }]);
}
