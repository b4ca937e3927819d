import { FIRST_PAGE_BUDGET_GZIP, measureFirstPage } from '../scripts/first-page.mjs';
import type { BenchResult } from './stats.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The JavaScript the inbox loads before it is usable, from the build `npm run bench` just made:
 * a size, so the same for every run of the same code (the CI size check holds the same budget).
 */
export async function firstPage(): Promise<BenchResult[]> {
  const page = measureFirstPage();
  console.log(`\nfirst page: ${page.files.length} files`);
  for (const file of page.files) console.log(`  ${file}`);
  return [
    {
      name: 'first page JS (gzip), inbox usable',
      target: `<= ${kb(FIRST_PAGE_BUDGET_GZIP)}`,
      measured: `${kb(page.gzip)} (${kb(page.raw)} raw, ${page.files.length} files)`,
      pass: page.gzip <= FIRST_PAGE_BUDGET_GZIP,
    },
  ];
}
