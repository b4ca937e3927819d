import { lazyChart } from '../../../shared/charts/lazy-chart.js';

const charts = () => import('./DashboardCharts.js');

export const IdeasPerWeekChart = lazyChart(() => charts().then((m) => m.IdeasPerWeekChart), 320);
export const FollowThroughChart = lazyChart(() => charts().then((m) => m.FollowThroughChart), 240);
export const PracticeByAreaChart = lazyChart(() => charts().then((m) => m.PracticeByAreaChart), 340);
