// Measures the JavaScript a page loads before it is usable: the entry chunk, the page's chunk and
// every chunk they import statically (what the browser fetches before the first render can
// finish; charts and other pages load later). Reads the Vite manifest of `npm run build`. Two
// pages are measured: the inbox (a researcher's first page) and the public booking page (a
// visitor's, who has no account and must not download the signed-in app's pages).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** The budget for that JavaScript, gzip-compressed (issue 9; checked by test/first-page-size.test.ts). */
export const FIRST_PAGE_BUDGET_GZIP = 120 * 1024;

const FIRST_PAGE_MODULES = ['index.html', 'src/features/inbox/InboxPage.tsx'];

/** The budget of the public booking page `/book/:handle/:type`, gzip (checked by the same test). */
export const BOOKING_PAGE_BUDGET_GZIP = 114 * 1024;

const BOOKING_PAGE_MODULES = ['index.html', 'src/features/booking/BookingPage.tsx'];

const DIST_WEB = new URL('../dist/web/', import.meta.url);

/** `{ files, raw, gzip }` of the first page in `distWeb` (default: dist/web). */
export function measureFirstPage(distWeb = DIST_WEB) {
  return measureModules(FIRST_PAGE_MODULES, distWeb);
}

/** `{ files, raw, gzip }` of the public booking page in `distWeb` (default: dist/web). */
export function measureBookingPage(distWeb = DIST_WEB) {
  return measureModules(BOOKING_PAGE_MODULES, distWeb);
}

/** The JavaScript of `modules` (manifest keys) and their static imports, raw and gzip-compressed. */
function measureModules(modules, distWeb) {
  const base = new URL(String(distWeb).replace(/\/?$/, '/'));
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', base), 'utf8'));
  const keyOf = (src) => (src in manifest ? src : undefined);
  const seen = new Set();
  const visit = (key) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const src of modules) {
    const key = keyOf(src);
    if (!key) throw new Error(`${src} is not in the Vite manifest: was the app built?`);
    visit(key);
  }
  const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(new URL(file, base));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, measure, budget] of [
    ['first page', measureFirstPage, FIRST_PAGE_BUDGET_GZIP],
    ['booking page', measureBookingPage, BOOKING_PAGE_BUDGET_GZIP],
  ]) {
    const { files, raw, gzip } = measure();
    console.log(`${name}: ${files.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(budget)})`);
  }
}
