// `npm run bench`: runs the benchmarks one after another and prints a summary table.
// Targets are informative: a MISS never fails the run; only a crashing benchmark does.
// Run a subset by name: node --import tsx bench/run.ts web cli remote api list
import { apiThroughput } from './api-throughput.js';
import { cliRemote } from './cli-remote.js';
import { cliStartup } from './cli-startup.js';
import { firstPage } from './first-page.js';
import { listSearch } from './list-search.js';
import type { BenchResult } from './stats.js';

const BENCHMARKS: Record<string, () => Promise<BenchResult[]>> = {
  web: firstPage,
  cli: cliStartup,
  remote: cliRemote,
  api: apiThroughput,
  list: listSearch,
};

const wanted = process.argv.slice(2);
const results: BenchResult[] = [];
const started = Date.now();
for (const [name, bench] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    results.push(...(await bench()));
  } catch (error) {
    process.exitCode = 1;
    console.error(`\nbenchmark "${name}" crashed:`, error);
    results.push({ name, target: '-', measured: 'crashed (see above)', pass: false });
  }
}

const label = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'MISS');
const rows = [
  ['Benchmark', 'Target', 'Measured', 'Result'],
  ...results.map((r) => [r.name, r.target, r.measured, label(r.pass)]),
];
const widths = [0, 1, 2, 3].map((col) => Math.max(...rows.map((row) => (row[col] as string).length)));
const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col] as number)).join('  ');
console.log(
  `\nSummary (node ${process.version}, ${((Date.now() - started) / 1000).toFixed(0)} s; timings are noisy on a busy machine)`,
);
console.log(line(rows[0] as string[]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows.slice(1)) console.log(line(row));
