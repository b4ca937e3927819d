import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, Tooltip, XAxis, YAxis } from 'recharts';
import { plural } from '../../../../../src/core/plural.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';

/** What the chart needs of one phase of an idea experiment's report. */
export interface PhaseRatings {
  key: string;
  label: string;
  /** Ideas that got each blind rating: `ratings[0]` counts 1s, …, `ratings[4]` counts 5s. */
  ratings: readonly number[];
  totalValue: number;
  rated: number;
}

const VALUES = [1, 2, 3, 4, 5] as const;

/** Whole-number ticks with headroom above the tallest bar, so it never touches the frame. */
function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil((max + 1) / 6));
  const top = Math.ceil((max + 1) / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/**
 * An idea experiment's result: per phase how many ideas got each blind rating (grouped bars,
 * one colour per phase) and, beside it, each phase's total value.
 */
export function PhaseComparisonChart({
  phases,
  caption = 'Blind ratings by phase',
}: {
  phases: readonly [PhaseRatings, PhaseRatings];
  caption?: string;
}) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const tooltip = tooltipStyle(theme);
  const [first, second] = phases;
  const histogram = VALUES.map((value) => ({
    rating: String(value),
    first: first.ratings[value - 1] ?? 0,
    second: second.ratings[value - 1] ?? 0,
  }));
  const totals = phases.map((p) => ({ label: p.label, total: p.totalValue }));
  const ticks = countTicks(Math.max(...histogram.flatMap((row) => [row.first, row.second])));
  const summary =
    `${first.label}: total value ${first.totalValue} from ${plural(first.rated, 'rated idea')}. ` +
    `${second.label}: total value ${second.totalValue} from ${plural(second.rated, 'rated idea')}.`;

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      className="chart--phases"
      legend={
        <ul className="chart-legend" aria-label="Phases">
          {phases.map((p, i) => (
            <LegendItem key={p.key} colour={theme.phase[i === 0 ? 0 : 1]}>
              {p.label} <span className="chart-legend__meta">· {plural(p.rated, 'rated idea')}</span>
            </LegendItem>
          ))}
        </ul>
      }
      table={
        <table>
          <caption>{caption}: number of ideas per rating</caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">{first.label}</th>
              <th scope="col">{second.label}</th>
            </tr>
          </thead>
          <tbody>
            {histogram.map((row) => (
              <tr key={row.rating}>
                <th scope="row">{row.rating}</th>
                <td>{row.first}</td>
                <td>{row.second}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Total value</th>
              <td>{first.totalValue}</td>
              <td>{second.totalValue}</td>
            </tr>
          </tbody>
        </table>
      }
    >
      <div className="chart__panels">
        <div className="chart__panel chart__panel--wide">
          <p className="chart__panel-title" aria-hidden="true">
            Ideas per rating
          </p>
          <BarChart
            responsive
            style={{ width: '100%', height: 240 }}
            data={histogram}
            margin={{ top: 8, right: 8, bottom: 18, left: -12 }}
            barGap={3}
            barCategoryGap="22%"
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={theme.grid} />
            <XAxis
              dataKey="rating"
              {...axis}
              label={{
                value: 'Blind rating (1 = nice to have, 5 = game changer)',
                position: 'insideBottom',
                offset: -12,
                fill: theme.axis,
                fontSize: 12,
              }}
            />
            <YAxis {...axis} width={40} domain={[0, ticks[ticks.length - 1] ?? 1]} ticks={ticks} />
            <Tooltip
              {...tooltip}
              cursor={{ fill: theme.grid, opacity: 0.6 }}
              labelFormatter={(label) => `Rated ${String(label)}`}
            />
            <Bar
              dataKey="first"
              name={first.label}
              fill={theme.phase[0]}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="second"
              name={second.label}
              fill={theme.phase[1]}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </div>
        <div className="chart__panel">
          <p className="chart__panel-title" aria-hidden="true">
            Total value
          </p>
          <BarChart
            responsive
            style={{ width: '100%', height: 240 }}
            data={totals}
            margin={{ top: 24, right: 8, bottom: 18, left: 8 }}
            barCategoryGap="28%"
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={theme.grid} />
            <XAxis dataKey="label" {...axis} tick={false} />
            <YAxis hide allowDecimals={false} />
            <Bar
              dataKey="total"
              name="Total value"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
              shape={(bar) => <Rectangle {...bar} fill={theme.phase[bar.index === 0 ? 0 : 1]} />}
            >
              <LabelList dataKey="total" position="top" fill={theme.text} fontSize={14} fontWeight={600} />
            </Bar>
          </BarChart>
        </div>
      </div>
    </ChartFigure>
  );
}
