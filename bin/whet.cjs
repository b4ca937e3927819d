#!/usr/bin/env node
'use strict';
// `whet idea "text"` should feel instant, so it first tries the small capture bundle, which
// handles plain captures on an existing SQLite database; everything else loads the full CLI.
// Both are single CommonJS files built by `npm run build` (Node loads those fastest).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist', 'cli');
if (!existsSync(join(dist, 'whet.cjs'))) {
  process.stderr.write('whet: not built yet; run `npm run build` in the Whetstone folder first\n');
  process.exit(1);
}
// `whet ideas | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const args = process.argv.slice(2);
const mightCapture = args[0] === 'idea' || (args[0] === '--db' && args[2] === 'idea');
if (!(mightCapture && require(join(dist, 'capture.cjs')).fastCapture(args))) {
  require(join(dist, 'whet.cjs'));
}
