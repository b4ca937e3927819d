import type { Grant } from '../../../../src/core/team/grants.js';

/*
 * A researcher's name is in their grants; once access ends there are none, and the page still has
 * to say who stopped sharing. The names seen last are kept for this browser tab (a reload too).
 */
const STORE = 'whetstone.shared-names';

function remembered(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STORE) ?? '{}');
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Keeps the names of the researchers of `grants`, for when their access has ended. */
export function rememberNames(grants: readonly Grant[]): void {
  const names = remembered();
  for (const { researcher } of grants) names[researcher.id] = researcher.name;
  try {
    sessionStorage.setItem(STORE, JSON.stringify(names));
  } catch {
    // Storage full or refused: the page falls back to "This researcher".
  }
}

/** The researcher's name: from their grants, else as last seen in this tab, else "This researcher". */
export function researcherName(researcherId: string, grants: readonly Grant[] | null): string {
  return (
    grants?.find((grant) => grant.researcher.id === researcherId)?.researcher.name ??
    remembered()[researcherId] ??
    'This researcher'
  );
}
