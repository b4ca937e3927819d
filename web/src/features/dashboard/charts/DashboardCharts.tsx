/*
 * The dashboard's charts, one module per chart; this one gathers them so that recharts and all
 * three load as one lazy chunk (see index.tsx).
 */
export { FollowThroughChart } from './FollowThroughChart.js';
export { IdeasPerWeekChart } from './IdeasPerWeekChart.js';
export { PracticeByAreaChart } from './PracticeByAreaChart.js';
