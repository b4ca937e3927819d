import { describe, expect, it } from 'vitest';
import {
  BOOKING_PAGE_BUDGET_GZIP,
  FIRST_PAGE_BUDGET_GZIP,
  measureBookingPage,
  measureFirstPage,
} from '../scripts/first-page.mjs';

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

describe('the public booking page', () => {
  it(`loads at most ${BOOKING_PAGE_BUDGET_GZIP / 1024} KB of JavaScript (gzip) before a visitor can book`, () => {
    const page = measureBookingPage();
    // The entry (React at least) and the booking page's own chunk: not a measurement of nothing.
    expect(page.files.some((file) => file.includes('BookingPage'))).toBe(true);
    expect(page.gzip).toBeGreaterThan(50 * 1024);
    // None of the signed-in app's pages ride along with it.
    expect(page.files.filter((file) => /InboxPage|Settings|Experiment|Plan/.test(file))).toEqual([]);
    expect(page.gzip, `booking page is ${(page.gzip / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      BOOKING_PAGE_BUDGET_GZIP,
    );
  });
});
