import { Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigationType, useParams } from 'react-router';
import { ExperimentBanner } from '../features/experiments/experiment.js';
import { SessionIndicator } from '../features/sessions/SessionIndicator.js';
import { useLiveInvalidation } from '../shared/api/live.js';
import { useCurrentRoute } from './current-route.js';
import { type AppRoute, ROUTES } from './routes.js';
import { Sidebar } from './Sidebar.js';
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

/** The shell: skip link, sidebar, the session and experiment banners and the page of the current route. */
export function App() {
  const route = useCurrentRoute();
  useCaptureShortcut();
  useLiveInvalidation();
  useScrollToTopOnNewPage();

  useEffect(() => {
    document.title = `${route.title} · Whetstone`;
  }, [route]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Sidebar section={route.section} />
      <main id="main" className="main" tabIndex={-1}>
        <SessionIndicator />
        <ExperimentBanner />
        <Suspense fallback={<div className="page" aria-busy="true" />}>
          <Routes>
            <Route path="/index.html" element={<Navigate to="/" replace />} />
            {ROUTES.map((entry) => (
              <Route key={entry.path} path={entry.path} element={<RoutePage route={entry} />} />
            ))}
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
