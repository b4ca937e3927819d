import { useLocation } from 'react-router';

/** The researcher's name: from the grant, or (after access ended) from the link that led here. */
export function useResearcherName(fromGrant: string | undefined): string {
  const { state } = useLocation();
  const remembered = (state as { name?: unknown } | null)?.name;
  return fromGrant ?? (typeof remembered === 'string' ? remembered : 'This researcher');
}
