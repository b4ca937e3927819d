import { lazyChart } from '../../../shared/charts/lazy-chart.js';

export const PhaseComparisonChart = lazyChart(
  () => import('./PhaseComparisonChart.js').then((m) => m.PhaseComparisonChart),
  330,
);
export const MeasurementChart = lazyChart(
  () => import('./MeasurementChart.js').then((m) => m.MeasurementChart),
  360,
);
