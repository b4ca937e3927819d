// Builds the CLI/server bundle (esbuild, for a fast `whet` start-up) and the web app (Vite).
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2]; // 'cli' or 'web' to build one half

if (only !== 'web') {
  await rm(new URL('../dist/cli', import.meta.url), { recursive: true, force: true });
  await build({
    entryPoints: { whet: 'src/cli/main.ts' },
    outdir: 'dist/cli',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: 'linked',
    // Native and optional drivers stay in node_modules and load only when used.
    external: ['better-sqlite3', 'pg', 'pg-native'],
    define: { __WHETSTONE_VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (only !== 'cli') {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}
