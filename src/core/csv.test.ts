import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { errorOf } from './errors.test-support.js';

const cellsOf = (text: string) => parseCsv(text).map((r) => r.cells);

describe('parseCsv (RFC 4180)', () => {
  it('reads plain cells, empty cells and CRLF or LF line ends', () => {
    expect(cellsOf('a,b,c\r\n1,,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
    expect(cellsOf('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const records = parseCsv(
      'text,n\r\n"one, two",1\r\n"say ""hi""",2\r\n"line 1\r\nline 2",3\r\nlast,4\r\n',
    );
    expect(records.map((r) => r.cells)).toEqual([
      ['text', 'n'],
      ['one, two', '1'],
      ['say "hi"', '2'],
      ['line 1\r\nline 2', '3'],
      ['last', '4'],
    ]);
    // The record after a two-line cell starts two lines later.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('skips blank lines and a byte-order mark; keeps an empty quoted cell', () => {
    expect(cellsOf('\uFEFFa,b\r\n\r\n"",x\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['', 'x'],
    ]);
  });

  it('refuses an unclosed quote or a stray quote, naming the line', () => {
    expect(errorOf(() => parseCsv('a\r\n"open,1\r\n'))?.message).toBe('line 2: a quoted cell is not closed');
    expect(errorOf(() => parseCsv('a\r\nab"c\r\n'))?.message).toContain('line 2: a quote inside');
  });
});
