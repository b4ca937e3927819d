#!/usr/bin/env node
'use strict';
// `whet idea` should feel instant: the CLI is one bundled CommonJS file (npm run build), which
// Node loads faster than a tree of ES modules.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli', 'whet.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('whet: not built yet; run `npm run build` in the Whetstone folder first\n');
  process.exit(1);
}
require(bundle);
