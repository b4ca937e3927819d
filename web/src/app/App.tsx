import { type ReactNode, Suspense, useEffect } from 'react';
import {
  type Location,
  Navigate,
  Route,
  Routes,
  useLocation,
  useNavigationType,
  useParams,
} from 'react-router';
import { ActiveExperimentProvider, ExperimentBanner } from '../features/experiments/experiment.js';
import { SessionIndicator } from '../features/sessions/SessionIndicator.js';
import { useLiveInvalidation } from '../shared/api/live.js';
import { useSession } from '../shared/session.js';
import { AreasProvider } from '../shared/state.js';
import { NOT_FOUND, useCurrentRoute } from './current-route.js';
import { type AppRoute, ROUTES } from './routes.js';
import { BrandMark, Sidebar } from './Sidebar.js';
import { useCaptureShortcut } from './use-capture-shortcut.js';
import './shell.css';
import '../features/experiments/experiments-banner.css';
import '../features/sessions/session-indicator.css';

/** A detail page is keyed by its id, so moving from one idea to the next starts it afresh. */
function RoutePage({ route }: { route: AppRoute }) {
  const { id = '' } = useParams();
  const Page = route.page;
  return <Page key={id} id={id} />;
}

/** A new page (not a filter change on the same page, not Back) starts at the top. */
function useScrollToTopOnNewPage(): void {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (navigationType === 'PUSH') window.scrollTo(0, 0);
  }, [pathname]);
}

const routeTable = (
  <Routes>
    <Route path="/index.html" element={<Navigate to="/" replace />} />
    {ROUTES.map((entry) => (
      <Route key={entry.path} path={entry.path} element={<RoutePage route={entry} />} />
    ))}
  </Routes>
);

/** `/sign-in?next=…`: where a person without a session goes, and where they come back to. */
const signInPath = ({ pathname, search }: Location) =>
  pathname === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(pathname + search)}`;

/**
 * The app: who is using it decides what a path shows. Solo mode, and signed-in team members,
 * get the shell; a team server without a session shows the sign-in page for any other path.
 */
export function App() {
  const session = useSession();
  const matched = useCurrentRoute();
  const location = useLocation();
  useScrollToTopOnNewPage();

  const { access } = matched;
  // Solo mode has no team pages; a team member sees an admin or coach page only with that role.
  const hidden =
    (access !== undefined && session.mode !== 'team') ||
    (access === 'admin' && !session.isAdmin) ||
    (access === 'coach' && !session.isCoach);
  const route = hidden && !session.loading ? NOT_FOUND : matched;

  useEffect(() => {
    document.title = `${route.title} · Whetstone`;
  }, [route]);

  if (session.loading) return <div className="page" aria-busy="true" />;
  if (session.mode === 'team' && !session.me && access !== 'public')
    return <Navigate to={signInPath(location)} replace />;
  if (access === 'public' && session.mode === 'team') return <PublicShell>{routeTable}</PublicShell>;
  return <Shell route={route}>{hidden ? <RoutePage route={NOT_FOUND} /> : routeTable}</Shell>;
}

/** Sign-in, setup and invitations: the brand and the page, no navigation. */
function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="public-shell">
      <p className="public-shell__brand">
        <BrandMark />
        <span className="brand__name">Whetstone</span>
      </p>
      <main id="main" className="public-shell__main" tabIndex={-1}>
        <Suspense fallback={<div className="page" aria-busy="true" />}>{children}</Suspense>
      </main>
    </div>
  );
}

/**
 * The shell: skip link, sidebar, the session and experiment banners and the page of the current
 * route. The data every page shares (areas, the active experiment) is loaded only here, for
 * someone who may see it.
 */
function Shell({ route, children }: { route: AppRoute; children: ReactNode }) {
  return (
    <AreasProvider>
      <ActiveExperimentProvider>
        <ShellLayout route={route}>{children}</ShellLayout>
      </ActiveExperimentProvider>
    </AreasProvider>
  );
}

function ShellLayout({ route, children }: { route: AppRoute; children: ReactNode }) {
  useCaptureShortcut();
  useLiveInvalidation();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Sidebar section={route.section} />
      <main id="main" className="main" tabIndex={-1}>
        <SessionIndicator />
        <ExperimentBanner />
        <Suspense fallback={<div className="page" aria-busy="true" />}>{children}</Suspense>
      </main>
    </div>
  );
}
