import { type CSSProperties, useEffect, useState } from 'react';

/** The design tokens a chart needs, as concrete colours (SVG attributes cannot use CSS variables). */
export interface ChartTheme {
  /** Phase colours: [passive or baseline, focused or change]. */
  phase: [string, string];
  neutral: string;
  /** Colours for up to six series (ideas by source, practice by area), in order. */
  series: string[];
  grid: string;
  axis: string;
  text: string;
  surface: string;
  border: string;
  font: string;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    phase: [token('--chart-phase-1', '#c0691b'), token('--chart-phase-2', '#0f6b63')],
    neutral: token('--chart-neutral', '#85888d'),
    series: ['#0f6b63', '#c0691b', '#3c6fd1', '#9b4dba', '#5b8a1f', '#c2457a'].map((fallback, i) =>
      token(`--chart-series-${i + 1}`, fallback),
    ),
    grid: token('--chart-grid', '#e9e7e1'),
    axis: token('--text-3', '#686b70'),
    text: token('--text', '#1c1d1f'),
    surface: token('--surface', '#ffffff'),
    border: token('--border', '#e4e1da'),
    font: token('--font-sans', 'system-ui, sans-serif'),
  };
}

/** The chart colours of the current theme; re-read when the system switches light/dark. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setTheme(readTheme());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}

/** Axis props shared by every chart: quiet ticks, no axis line clutter. */
export function axisProps(theme: ChartTheme) {
  return {
    stroke: theme.grid,
    tick: { fill: theme.axis, fontSize: 12, fontFamily: theme.font },
    tickLine: false,
    axisLine: { stroke: theme.border },
  } as const;
}

/** The tooltip box in the app's surface colours. */
export function tooltipStyle(theme: ChartTheme): {
  contentStyle: CSSProperties;
  labelStyle: CSSProperties;
  itemStyle: CSSProperties;
} {
  return {
    contentStyle: {
      background: theme.surface,
      border: `1px solid ${theme.border}`,
      borderRadius: 8,
      fontSize: 13,
      fontFamily: theme.font,
      boxShadow: '0 4px 14px rgb(0 0 0 / 0.12)',
    },
    labelStyle: { color: theme.text, fontWeight: 600, marginBottom: 2 },
    itemStyle: { color: theme.text, padding: 0 },
  };
}

/** "1,234.5" with at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}
