// Builds the CLI/server bundle (esbuild, for a fast `whet` start-up) and the web app (Vite).
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2]; // 'cli' or 'web' to build one half

if (only !== 'web') {
  await rm(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
  await build({
    // One CommonJS file: Node loads it faster than ES modules (no module graph to link).
    entryPoints: { whet: 'src/cli/main.ts' },
    outfile: 'dist/cli/whet.cjs',
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
}

if (only !== 'cli') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
