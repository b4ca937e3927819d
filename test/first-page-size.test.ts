import { describe, expect, it } from 'vitest';
import { FIRST_PAGE_BUDGET_GZIP, measureFirstPage } from '../scripts/first-page.mjs';

// A size is deterministic for a given build, unlike a time, so it can be checked here (issue 9).
describe('the first page', () => {
  it(`loads at most ${FIRST_PAGE_BUDGET_GZIP / 1024} KB of JavaScript (gzip) before the inbox is usable`, () => {
    const page = measureFirstPage();
    // The entry and the inbox chunk at least: a measurement of nothing would pass any budget.
    expect(page.files.some((file) => file.includes('InboxPage'))).toBe(true);
    expect(page.gzip).toBeGreaterThan(50 * 1024);
    expect(page.gzip, `first page is ${(page.gzip / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      FIRST_PAGE_BUDGET_GZIP,
    );
  });
});
