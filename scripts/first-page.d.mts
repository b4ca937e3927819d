/** What the first page of the built web app loads (see first-page.mjs). */
export interface FirstPage {
  /** The JavaScript files, relative to dist/web. */
  files: string[];
  raw: number;
  gzip: number;
}

export const FIRST_PAGE_BUDGET_GZIP: number;
export function measureFirstPage(distWeb?: string | URL): FirstPage;

export const BOOKING_PAGE_BUDGET_GZIP: number;
export function measureBookingPage(distWeb?: string | URL): FirstPage;
