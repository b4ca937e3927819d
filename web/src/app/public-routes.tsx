import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect } from 'react';
import { matchPath, Route, Routes, useParams } from 'react-router';

/** What a public page is given: the parameters of its path (`:token`, `:handle`…). */
export interface PublicPageProps {
  params: Readonly<Record<string, string>>;
}

/** A page anyone with the link may open: no sidebar, no banners, none of the researcher's data. */
export interface PublicRoute {
  path: string;
  title: string;
  access: 'public';
  page: LazyExoticComponent<ComponentType<PublicPageProps>>;
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
      import('../features/second-rater/PublicRatingPage.js').then(({ PublicRatingPage }) => ({
        default: ({ params }: PublicPageProps) => <PublicRatingPage token={params.token ?? ''} />,
      })),
    ),
  },
  {
    path: '/book/:handle',
    title: 'Book a conversation',
    access: 'public',
    page: lazy(() => import('../features/booking/CoachPage.js').then((m) => ({ default: m.CoachPage }))),
  },
  {
    path: '/book/:handle/:type',
    title: 'Book a conversation',
    access: 'public',
    page: lazy(() => import('../features/booking/BookingPage.js').then((m) => ({ default: m.BookingPage }))),
  },
  {
    path: '/booking/:token',
    title: 'Your booking',
    access: 'public',
    page: lazy(() => import('../features/booking/ManagePage.js').then((m) => ({ default: m.ManagePage }))),
  },
  {
    path: '/booking/:token/room',
    title: 'Conversation',
    access: 'public',
    page: lazy(() =>
      import('../features/conversation/LinkRoomPage.js').then((m) => ({ default: m.LinkRoomPage })),
    ),
  },
];

export const isPublicPath = (pathname: string): boolean =>
  PUBLIC_ROUTES.some((route) => matchPath(route.path, pathname) !== null);

function PublicPage({ route }: { route: PublicRoute }) {
  const raw = useParams();
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) params[name] = value;
  const Page = route.page;
  useEffect(() => {
    document.title = `${route.title} · Whetstone`;
  }, [route]);
  // Keyed by its parameters, so moving to another token or coach starts the page afresh.
  return <Page key={JSON.stringify(params)} params={params} />;
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
