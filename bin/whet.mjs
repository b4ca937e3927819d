#!/usr/bin/env node
// The CLI is bundled by `npm run build` into dist/cli for a fast start-up.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/whet.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('whet: not built yet; run `npm run build` in the Whetstone folder first\n');
  process.exit(1);
}
await import(entry.href);
