import { lazyChart } from '../../../shared/charts/lazy-chart.js';

export const PairedChart = lazyChart(() => import('./PairedChart.js').then((m) => m.PairedChart), 520);
