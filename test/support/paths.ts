import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (two folders above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The real entry point a user runs (`whet`). */
export const WHET_BIN = fileURLToPath(new URL('../../bin/whet.cjs', import.meta.url));
/** The bundle `bin/whet.cjs` loads; `npm test` builds it before vitest runs. */
export const WHET_BUNDLE = fileURLToPath(new URL('../../dist/cli/whet.cjs', import.meta.url));

/** Fails fast, with the fix, when the CLI bundle has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(WHET_BUNDLE)) {
    throw new Error(
      `${WHET_BUNDLE} is missing: these tests run the real built CLI. ` +
        'Build it first with `node scripts/build.mjs cli` (`npm test` does this for you).',
    );
  }
}
