const out = (text: string) => process.stdout.write(text);

/** Rows of cells as aligned columns: the first left-aligned, the rest right-aligned. */
export function printColumns(rows: readonly (readonly string[])[], indent = ''): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  for (const row of rows)
    out(
      `${indent}${row
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
        .join('  ')
        .trimEnd()}\n`,
    );
}
