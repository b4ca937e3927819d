import type { GrantAccess, GrantScope } from '../../../../src/core/team/grants.js';
import { GRANT_SCOPES } from './scopes.js';

/** Reads by one coach this close together are one visit (a page reads several scopes at once). */
const SAME_VISIT_MS = 5 * 60_000;

/** One visit of a coach: the scopes whose listings they opened, and the reports they opened. */
export interface Visit {
  coach: GrantAccess['coach'];
  /** When the visit's latest read was. */
  at: string;
  scopes: GrantScope[];
  /** The experiments whose report they opened, by id. */
  reports: string[];
}

/** The access log (newest first) as visits, newest first. */
export function visitsOf(entries: readonly GrantAccess[]): Visit[] {
  const visits: Visit[] = [];
  let earliest = '';
  for (const entry of entries) {
    let visit = visits.at(-1);
    const close = Date.parse(earliest) - Date.parse(entry.at) < SAME_VISIT_MS;
    if (!visit || visit.coach.id !== entry.coach.id || !close) {
      visit = { coach: entry.coach, at: entry.at, scopes: [], reports: [] };
      visits.push(visit);
    }
    if (entry.objectId === null) {
      if (!visit.scopes.includes(entry.scope)) visit.scopes.push(entry.scope);
    } else if (!visit.reports.includes(entry.objectId)) visit.reports.push(entry.objectId);
    earliest = entry.at;
  }
  for (const visit of visits) visit.scopes = GRANT_SCOPES.filter((scope) => visit.scopes.includes(scope));
  return visits;
}
