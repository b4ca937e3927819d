import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * What the browser may load from the core (docs/decisions/0010). Types are free: `import type` is
 * erased. Values come from an explicit list, so a page cannot pull zod, Temporal or rrule into the
 * browser by accident.
 */
const SRC = new URL('.', import.meta.url).pathname;
const WEB = join(SRC, '../web/src');

/** Plain data and arithmetic: no package at all, fit for the first page. */
const PLAIN = [
  'core/experiments/counting.ts',
  'core/experiments/exclusion-reasons.ts',
  'core/idea-line.ts',
  'core/idea-vocabulary.ts',
  'core/limits.ts',
  'core/local-date.ts',
  'core/plans/vocabulary.ts',
  'core/coaching/limits.ts',
  'core/coaching/weekdays.ts',
  'core/culture/answers.ts',
  'core/plural.ts',
  'core/team/grant-scopes.ts',
  'core/team/roles.ts',
];
/** Input schemas for forms: zod/mini (small) and nothing heavier. Lazy pages only. */
const SCHEMAS = [
  'core/areas.ts',
  'core/experiments/experiment.ts',
  'core/experiments/pool.ts',
  'core/sessions/session.ts',
];
/** Loaded on demand only (a dynamic import), e.g. the plan form's cadence preview (decision 0003). */
const ON_DEMAND = ['core/plans/cadence-parse.ts', 'core/plans/cadence.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function resolveTs(from: string, spec: string): string {
  const base = join(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base])
    if (existsSync(candidate)) return candidate;
  throw new Error(`${from}: cannot resolve ${spec}`);
}

interface CoreImport {
  file: string;
  target: string;
  dynamic: boolean;
}

/** Every import of a value from src/ in the web app (type-only imports skipped). */
function webValueImports(): CoreImport[] {
  return sourceFiles(WEB).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const found: CoreImport[] = [];
    for (const m of text.matchAll(/^import (?!type\b)[^;]*? from '(\.[^']+)';/gms)) {
      const target = resolveTs(file, m[1] as string);
      if (!target.startsWith(WEB)) found.push({ file, target, dynamic: false });
    }
    for (const m of text.matchAll(/import\('(\.[^']+)'\)/g)) {
      const target = resolveTs(file, m[1] as string);
      if (!target.startsWith(WEB)) found.push({ file, target, dynamic: true });
    }
    return found;
  });
}

/** The packages a core module reaches through its own value imports, transitively. */
function packagesReached(module: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(module)) return packages;
  seen.add(module);
  const text = readFileSync(module, 'utf8');
  for (const m of text.matchAll(/^(?:import|export) (?!type\b)(?:[^;]*? from )?'([^']+)';/gms)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) for (const p of packagesReached(resolveTs(module, spec), seen)) packages.add(p);
    else packages.add(spec);
  }
  return packages;
}

const core = (path: string) => relative(SRC, path);

describe('what the web app loads from the core', () => {
  const imports = webValueImports();

  it('imports core values only from the modules listed for the browser', () => {
    expect(imports.length).toBeGreaterThan(5);
    const refused = imports
      .filter(({ target, dynamic }) => {
        const name = core(target);
        return !(PLAIN.includes(name) || SCHEMAS.includes(name) || (dynamic && ON_DEMAND.includes(name)));
      })
      .map(({ file, target }) => `${relative(WEB, file)} -> ${core(target)}`);
    expect(refused).toEqual([]);
  });

  it('the plain modules use no package, the schema modules nothing but zod/mini', () => {
    for (const name of PLAIN) expect([...packagesReached(join(SRC, name))], name).toEqual([]);
    for (const name of SCHEMAS) expect([...packagesReached(join(SRC, name))], name).toEqual(['zod/mini']);
  });
});
