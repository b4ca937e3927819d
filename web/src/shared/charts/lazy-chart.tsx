import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A chart that loads on demand: recharts is most of the app's weight, so a page shows its text
 * and tables at once and the drawing follows, in a card of the chart's height meanwhile.
 */
export function lazyChart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  height: number,
): ComponentType<P> {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  return function LazyChart(props: P) {
    return (
      <Suspense
        fallback={
          <div className="card chart chart--loading" style={{ minHeight: height }} aria-busy="true" />
        }
      >
        <Chart {...props} />
      </Suspense>
    );
  };
}
