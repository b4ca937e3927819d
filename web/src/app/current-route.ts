import { matchRoutes, useLocation } from 'react-router';
import { type AppRoute, ROUTES } from './routes.js';

/** The route table's last entry: any path it does not know. */
export const NOT_FOUND = ROUTES[ROUTES.length - 1] as AppRoute;

/** The route-table entry of the page on screen (the not-found entry for unknown paths). */
export function useCurrentRoute(): AppRoute {
  const location = useLocation();
  return matchRoutes([...ROUTES], location)?.[0]?.route ?? NOT_FOUND;
}
