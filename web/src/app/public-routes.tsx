import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect } from 'react';
import { matchPath, Route, Routes, useParams } from 'react-router';

/** A page anyone with the link may open: no sidebar, no banners, none of the researcher's data. */
export interface PublicRoute {
  path: string;
  title: string;
  access: 'public';
  page: LazyExoticComponent<ComponentType<{ token: string }>>;
}

/**
 * The public pages, declared like ROUTES (path, title, lazy chunk) but rendered outside the
 * shell: main.tsx picks this table when the address matches one of them, so a link holder's
 * browser never asks for the inbox, the areas or the active experiment.
 */
export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  {
    path: '/rate/:token',
    title: 'Rate ideas',
    access: 'public',
    page: lazy(() =>
      import('../features/second-rater/PublicRatingPage.js').then((m) => ({ default: m.PublicRatingPage })),
    ),
  },
];

export const isPublicPath = (pathname: string): boolean =>
  PUBLIC_ROUTES.some((route) => matchPath(route.path, pathname) !== null);

function PublicPage({ route }: { route: PublicRoute }) {
  const { token = '' } = useParams();
  const Page = route.page;
  useEffect(() => {
    document.title = `${route.title} · Whetstone`;
  }, [route]);
  return <Page key={token} token={token} />;
}

/** The app for a public page: just the page. */
export function PublicApp() {
  return (
    <main id="main" className="main main--public">
      <Suspense fallback={<div className="page" aria-busy="true" />}>
        <Routes>
          {PUBLIC_ROUTES.map((route) => (
            <Route key={route.path} path={route.path} element={<PublicPage route={route} />} />
          ))}
        </Routes>
      </Suspense>
    </main>
  );
}
