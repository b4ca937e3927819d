/**
 * The web app's route table, read as text (importing it would pull every page's JSX into the test
 * build): each entry's path pattern and its access, so the solo and the team accessibility checks
 * can each prove they open every page of their mode.
 */
import { readFileSync } from 'node:fs';

export interface RouteEntry {
  path: string;
  /** `public`, `team` or `admin`: a page only a team server has; undefined for every mode's pages. */
  access: string | undefined;
}

export function routeEntries(): RouteEntry[] {
  const table = readFileSync(new URL('../../web/src/app/routes.tsx', import.meta.url), 'utf8');
  return [...table.matchAll(/^ {2}\{\n([\s\S]*?)^ {2}\},$/gm)].flatMap((block) => {
    const body = block[1] ?? '';
    const path = /^ {4}path: '([^']+)',$/m.exec(body)?.[1];
    return path ? [{ path, access: /^ {4}access: '([a-z]+)',$/m.exec(body)?.[1] }] : [];
  });
}

/** Whether `path` opens the page of `pattern` (`*` only when no other pattern matches). */
export function opens(patterns: readonly string[], pattern: string, path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return pattern === '*'
    ? !patterns.some((p) => p !== '*' && opens(patterns, p, pathname))
    : new RegExp(`^${pattern.replace(/:[a-z]+/g, '[^/]+')}$`).test(pathname);
}

/** The patterns of `entries` that none of `paths` opens. */
export function unopened(entries: readonly RouteEntry[], paths: readonly string[]): string[] {
  const all = routeEntries().map((e) => e.path);
  return entries.map((e) => e.path).filter((pattern) => !paths.some((path) => opens(all, pattern, path)));
}
