import { Bar, CartesianGrid, ComposedChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PracticeWeek } from '../../../../../src/core/plans/dashboard.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';
import { shortDayText, weekText } from '../../plans/dates.js';
import { minutesText, proratedReason } from '../../plans/format.js';
import { niceTicks } from './ticks.js';

/** Practice minutes per area per week (stacked), against what the plans' cadences expected. */
export function PracticeByAreaChart({
  weeks,
  nameOf,
}: {
  weeks: readonly PracticeWeek[];
  nameOf: (areaId: string | null) => string | null;
}) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const tooltip = tooltipStyle(theme);
  const areaIds: (string | null)[] = [];
  for (const w of weeks) for (const a of w.areas) if (!areaIds.includes(a.areaId)) areaIds.push(a.areaId);
  const key = (areaId: string | null) => `area:${areaId ?? 'none'}`;
  const label = (areaId: string | null) => (areaId === null ? 'No area' : (nameOf(areaId) ?? areaId));
  const colour = (areaId: string | null, i: number) =>
    areaId === null ? theme.neutral : (theme.series[i % theme.series.length] ?? theme.neutral);
  const data = weeks.map((w) => ({
    week: shortDayText(w.weekOf),
    expected: Math.round(w.expectedMinutes),
    ...Object.fromEntries(w.areas.map((a) => [key(a.areaId), a.minutes])),
  }));
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.minutes, w.expectedMinutes)));
  const ticks = niceTicks(max);
  const last = weeks[weeks.length - 1];
  const caption = 'Practice minutes per week, by area, against the cadence';
  const summary = last
    ? `This week: ${minutesText(last.minutes)} practised` +
      (last.expectedMinutes > 0 ? ` of ${minutesText(last.expectedMinutes)} the cadences ask for.` : '.') +
      ` Over ${weeks.length} weeks: ${minutesText(weeks.reduce((s, w) => s + w.minutes, 0))} of ${minutesText(weeks.reduce((s, w) => s + w.expectedMinutes, 0))} expected.`
    : 'No weeks to show.';
  // Weeks in which a plan started or was dropped expect only the days it ran.
  const proratedWeeks = weeks.filter((w) => w.prorated.length > 0);
  const note =
    proratedWeeks.length === 0
      ? undefined
      : `Prorated targets: ${proratedWeeks
          .map(
            (w) =>
              `week of ${shortDayText(w.weekOf)}, ${w.prorated.map((p) => proratedReason(p, `“${p.title}”`)).join(' and ')}`,
          )
          .join('; ')}.`;

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      note={note}
      legend={
        <ul className="chart-legend" aria-label="Areas">
          {areaIds.map((a, i) => (
            <LegendItem key={key(a)} colour={colour(a, i)}>
              {label(a)}
            </LegendItem>
          ))}
          <LegendItem colour={theme.text} shape="line">
            <span className="chart-legend__meta">dashed mark: what the cadences expect</span>
          </LegendItem>
        </ul>
      }
      table={
        <table>
          <caption>{caption} (minutes practised of minutes expected)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {areaIds.map((a) => (
                <th key={key(a)} scope="col">
                  {label(a)}
                </th>
              ))}
              <th scope="col">Total</th>
              <th scope="col">Expected</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekOf}>
                <th scope="row">{weekText(w.weekOf)}</th>
                {areaIds.map((a) => {
                  const cell = w.areas.find((x) => x.areaId === a);
                  return (
                    <td key={key(a)}>
                      {cell ? `${cell.minutes} of ${Math.round(cell.expectedMinutes)}` : '0'}
                    </td>
                  );
                })}
                <td>{w.minutes}</td>
                <td>{Math.round(w.expectedMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ComposedChart
        responsive
        style={{ width: '100%', height: 250 }}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: -8 }}
        barCategoryGap="24%"
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="week" {...axis} interval="preserveStartEnd" minTickGap={8} />
        {/* A second, hidden axis over the same weeks lets the target marks span each week's bar. */}
        <XAxis dataKey="week" xAxisId="target" hide />
        <YAxis {...axis} width={48} domain={[0, ticks[ticks.length - 1] ?? 1]} ticks={ticks} />
        <Tooltip
          {...tooltip}
          cursor={{ fill: theme.grid, opacity: 0.6 }}
          labelFormatter={(l) => `Week of ${String(l)}`}
          formatter={(value) => minutesText(Number(value))}
        />
        {areaIds.map((a, i) => (
          <Bar
            key={key(a)}
            dataKey={key(a)}
            name={label(a)}
            stackId="minutes"
            fill={colour(a, i)}
            isAnimationActive={false}
          />
        ))}
        <Bar
          dataKey="expected"
          name="Cadence expects"
          xAxisId="target"
          isAnimationActive={false}
          shape={(bar: { x?: number; y?: number; width?: number; value?: unknown }) =>
            Number(bar.value) > 0 ? (
              <line
                x1={(bar.x ?? 0) - 4}
                x2={(bar.x ?? 0) + (bar.width ?? 0) + 4}
                y1={bar.y}
                y2={bar.y}
                stroke={theme.text}
                strokeWidth={2}
                strokeDasharray="4 3"
              />
            ) : (
              <g />
            )
          }
        />
      </ComposedChart>
    </ChartFigure>
  );
}
