import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { IdeaSource } from '../../../../../src/core/ideas.js';
import type { IdeasWeek } from '../../../../../src/core/plans/dashboard.js';
import { plural } from '../../../../../src/core/plural.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';
import { shortDayText, weekText } from '../../plans/dates.js';
import { SOURCE_ORDER, SOURCE_SHORT } from '../../plans/labels.js';
import { niceTicks } from './ticks.js';

/** Ideas captured per local week, stacked by where they came from. */
export function IdeasPerWeekChart({ weeks }: { weeks: readonly IdeasWeek[] }) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const tooltip = tooltipStyle(theme);
  const colour = (source: IdeaSource) => theme.series[SOURCE_ORDER.indexOf(source)] ?? theme.neutral;
  // Only the sources that occur, so the legend does not list empty ones (noticed always shows).
  const sources = SOURCE_ORDER.filter((s) => s === 'noticed' || weeks.some((w) => w.bySource[s] > 0));
  const data = weeks.map((w) => ({ week: shortDayText(w.weekOf), total: w.total, ...w.bySource }));
  const total = weeks.reduce((sum, w) => sum + w.total, 0);
  const busiest = weeks.reduce<IdeasWeek | null>(
    (best, w) => (!best || w.total > best.total ? w : best),
    null,
  );
  const ticks = niceTicks(Math.max(...weeks.map((w) => w.total), 1));
  const caption = 'Ideas captured per week, by source';
  const summary =
    total === 0
      ? `No ideas captured in the last ${weeks.length} weeks.`
      : `${plural(total, 'idea')} in ${weeks.length} weeks; the most (${busiest?.total}) in the week of ${busiest ? weekText(busiest.weekOf) : ''}. ` +
        sources.map((s) => `${SOURCE_SHORT[s]}: ${weeks.reduce((n, w) => n + w.bySource[s], 0)}`).join(', ') +
        '.';

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      legend={
        <ul className="chart-legend" aria-label="Sources">
          {sources.map((s) => (
            <LegendItem key={s} colour={colour(s)}>
              {SOURCE_SHORT[s]}
            </LegendItem>
          ))}
        </ul>
      }
      table={
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {sources.map((s) => (
                <th key={s} scope="col">
                  {SOURCE_SHORT[s]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekOf}>
                <th scope="row">{weekText(w.weekOf)}</th>
                {sources.map((s) => (
                  <td key={s}>{w.bySource[s]}</td>
                ))}
                <td>{w.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart
        responsive
        style={{ width: '100%', height: 230 }}
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        barCategoryGap="24%"
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={theme.grid} />
        <XAxis dataKey="week" {...axis} interval="preserveStartEnd" minTickGap={8} />
        <YAxis {...axis} width={40} domain={[0, ticks[ticks.length - 1] ?? 1]} ticks={ticks} />
        <Tooltip
          {...tooltip}
          cursor={{ fill: theme.grid, opacity: 0.6 }}
          labelFormatter={(l) => `Week of ${String(l)}`}
        />
        {sources.map((s, i) => (
          <Bar
            key={s}
            dataKey={s}
            name={SOURCE_SHORT[s]}
            stackId="ideas"
            fill={colour(s)}
            radius={i === sources.length - 1 ? [3, 3, 0, 0] : 0}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
