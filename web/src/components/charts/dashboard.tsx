import { type ComponentProps, lazy, Suspense } from 'react';

/* The dashboard's charts load on demand, like the experiment charts (recharts is heavy). */
const LazyIdeasPerWeek = lazy(() =>
  import('./DashboardCharts.js').then((m) => ({ default: m.IdeasPerWeekChart })),
);
const LazyFollowThrough = lazy(() =>
  import('./DashboardCharts.js').then((m) => ({ default: m.FollowThroughChart })),
);
const LazyPracticeByArea = lazy(() =>
  import('./DashboardCharts.js').then((m) => ({ default: m.PracticeByAreaChart })),
);

function Loading({ height }: { height: number }) {
  return <div className="card chart chart--loading" style={{ minHeight: height }} aria-busy="true" />;
}

export function IdeasPerWeekChart(props: ComponentProps<typeof LazyIdeasPerWeek>) {
  return (
    <Suspense fallback={<Loading height={320} />}>
      <LazyIdeasPerWeek {...props} />
    </Suspense>
  );
}

export function FollowThroughChart(props: ComponentProps<typeof LazyFollowThrough>) {
  return (
    <Suspense fallback={<Loading height={240} />}>
      <LazyFollowThrough {...props} />
    </Suspense>
  );
}

export function PracticeByAreaChart(props: ComponentProps<typeof LazyPracticeByArea>) {
  return (
    <Suspense fallback={<Loading height={340} />}>
      <LazyPracticeByArea {...props} />
    </Suspense>
  );
}
