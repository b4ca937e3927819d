import { type ComponentProps, lazy, Suspense } from 'react';

/*
 * The charts load on demand: recharts is most of the app's weight, and only the experiment
 * report and the pool page draw charts, so the inbox stays quick to open.
 */
const LazyPhaseComparison = lazy(() =>
  import('./PhaseComparisonChart.js').then((m) => ({ default: m.PhaseComparisonChart })),
);
const LazyMeasurement = lazy(() =>
  import('./MeasurementChart.js').then((m) => ({ default: m.MeasurementChart })),
);
const LazyPaired = lazy(() => import('./PairedChart.js').then((m) => ({ default: m.PairedChart })));

function Loading({ height }: { height: number }) {
  return <div className="card chart chart--loading" style={{ minHeight: height }} aria-busy="true" />;
}

export function PhaseComparisonChart(props: ComponentProps<typeof LazyPhaseComparison>) {
  return (
    <Suspense fallback={<Loading height={330} />}>
      <LazyPhaseComparison {...props} />
    </Suspense>
  );
}

export function MeasurementChart(props: ComponentProps<typeof LazyMeasurement>) {
  return (
    <Suspense fallback={<Loading height={360} />}>
      <LazyMeasurement {...props} />
    </Suspense>
  );
}

export function PairedChart(props: ComponentProps<typeof LazyPaired>) {
  return (
    <Suspense fallback={<Loading height={520} />}>
      <LazyPaired {...props} />
    </Suspense>
  );
}
