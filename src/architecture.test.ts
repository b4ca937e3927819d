import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

/** Which of our layers each layer may import (see docs/decisions/0003-layering.md). */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  store: ['core', 'store'],
  services: ['core', 'store', 'services'],
  server: ['core', 'services', 'server'],
  cli: ['core', 'store', 'services', 'server', 'cli'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0] ?? '';
}

describe('layering', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.join(', ')}`, () => {
      const violations: string[] = [];
      let imports = 0;
      for (const file of sourceFiles(join(SRC, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/from '(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
          imports++;
          const target = join(file, '..', match[1] ?? match[2] ?? '');
          const targetLayer = layerOf(target);
          if (!allowed.includes(targetLayer))
            violations.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
        }
      }
      expect(imports).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    });
  }

  it('core does no I/O', () => {
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) =>
      /from 'node:(fs|net|http|child_process|crypto)'|from '(kysely|better-sqlite3|pg|hono)'/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
