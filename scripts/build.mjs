// Builds the CLI/server bundle (esbuild, for a fast `whet` start-up) and the web app (Vite).
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2]; // 'cli' or 'web' to build one half

if (only !== 'web') {
  await rm(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
  const bundle = (entry, outfile) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      sourcemap: 'linked',
      // Native and optional drivers stay in node_modules and load only when used.
      external: ['better-sqlite3', 'pg', 'pg-native'],
      define: { __WHETSTONE_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__bundleUrl' },
      banner: { js: "const __bundleUrl=require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
  // CommonJS bundles: Node loads one CJS file faster than a graph of ES modules. The capture
  // bundle is the small fast path for `whet idea "text"` (see src/cli/fast-capture.ts).
  await Promise.all([
    bundle('src/cli/main.ts', 'dist/cli/whet.cjs'),
    bundle('src/cli/fast-capture.ts', 'dist/cli/capture.cjs'),
  ]);
}

if (only !== 'cli') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
