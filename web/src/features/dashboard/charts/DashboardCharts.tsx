import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { IdeaSource } from '../../../../../src/core/ideas.js';
import type { FollowThrough, IdeasWeek, PracticeWeek } from '../../../../../src/core/plans/dashboard.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';
import { plural } from '../../../shared/format.js';
import { minutesText, SOURCE_ORDER, SOURCE_SHORT, shortDayText, weekText } from '../../plans/plans-format.js';

/** Whole-number ticks with headroom above the tallest bar. */
function niceTicks(max: number, steps = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  const top = Math.ceil((max * 1.05) / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 100) / 100);
}

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

/** From idea to adopted change: ideas, ideas with a plan, ideas adopted through a kept plan. */
export function FollowThroughChart({ data }: { data: FollowThrough }) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const rate = data.rate === null ? null : Math.round(data.rate * 100);
  const planRate = data.planRate === null ? null : Math.round(data.planRate * 100);
  const rows = [
    { step: 'Ideas', count: data.ideas, colour: theme.neutral },
    { step: 'With a plan', count: data.withPlan, colour: theme.series[2] ?? theme.neutral },
    { step: 'Adopted', count: data.adopted, colour: theme.series[0] ?? theme.neutral },
  ];
  const caption = 'Follow-through: from idea to adopted change';
  const summary =
    data.ideas === 0
      ? 'No ideas yet.'
      : `Of ${plural(data.ideas, 'idea')}, ${data.withPlan} got a plan (${planRate}%) and ${data.adopted} ${data.adopted === 1 ? 'was' : 'were'} adopted` +
        (rate === null ? '.' : `: ${rate}% of the planned ideas.`);

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      legend={
        <p className="follow-rate">
          <span className="follow-rate__value">{rate === null ? '–' : `${rate}%`}</span>
          <span className="follow-rate__label">
            of ideas with a plan were adopted
            {planRate !== null && <span className="meta-text"> · {planRate}% of all ideas got a plan</span>}
          </span>
        </p>
      }
      table={
        <table>
          <caption>{caption}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.step}>
                <th scope="row">{r.step}</th>
                <td>{r.count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Follow-through rate (adopted of planned)</th>
              <td>{rate === null ? 'none yet' : `${rate}%`}</td>
            </tr>
          </tbody>
        </table>
      }
    >
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: 150 }}
        data={rows}
        margin={{ top: 0, right: 40, bottom: 0, left: 8 }}
        barCategoryGap="22%"
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, Math.max(1, data.ideas)]} />
        <YAxis type="category" dataKey="step" {...axis} axisLine={false} width={92} />
        <Bar
          dataKey="count"
          isAnimationActive={false}
          radius={[0, 3, 3, 0]}
          shape={(bar) => <Rectangle {...bar} fill={rows[bar.index ?? 0]?.colour ?? theme.neutral} />}
        >
          <LabelList dataKey="count" position="right" fill={theme.text} fontSize={13} fontWeight={600} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

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

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
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
