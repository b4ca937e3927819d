import {
  CartesianGrid,
  LabelList,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { plural } from '../../../../../src/core/plural.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';

export interface PairedPoint {
  participant: string;
  passive: number;
  focused: number;
}

interface Spot {
  x: number;
  y: number;
  /** Participants with exactly these totals; drawn as one larger, numbered point. */
  count: number;
}

type Outcome = 'focused' | 'passive' | 'tie';

const outcomeOf = (s: Spot): Outcome => (s.y > s.x ? 'focused' : s.y < s.x ? 'passive' : 'tie');

/** Participants with identical totals share one spot whose size and label give their number. */
function spotsOf(points: readonly PairedPoint[]): Spot[] {
  const byXY = new Map<string, Spot>();
  for (const p of points) {
    const key = `${p.passive}:${p.focused}`;
    const spot = byXY.get(key);
    if (spot) spot.count++;
    else byXY.set(key, { x: p.passive, y: p.focused, count: 1 });
  }
  return [...byXY.values()].sort((a, b) => a.x - b.x || a.y - b.y);
}

/** Round ticks shared by both axes, so the diagonal runs corner to corner. */
function axisTicks(spots: readonly Spot[]): number[] {
  const max = Math.max(5, ...spots.flatMap((s) => [s.x, s.y]));
  const step = max <= 10 ? 2 : max <= 40 ? 5 : max <= 100 ? 10 : 10 ** Math.floor(Math.log10(max));
  const top = Math.ceil((max * 1.05) / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** Point areas in px²: one participant, then larger by participants sharing the spot. */
const SPOT_AREA = 90;
const SPOT_AREA_PER_EXTRA = 130;

/**
 * A pool's paired results: one point per participant at (passive total value, focused total
 * value), with the y = x diagonal. Above the diagonal the focused phase won.
 */
export function PairedChart({
  points,
  phaseLabels,
  caption = 'Each participant’s total value in both phases',
}: {
  points: readonly PairedPoint[];
  phaseLabels: readonly [string, string];
  caption?: string;
}) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const tooltip = tooltipStyle(theme);
  const spots = spotsOf(points);
  const ticks = axisTicks(spots);
  const max = ticks[ticks.length - 1] ?? 5;
  const most = Math.max(1, ...spots.map((s) => s.count));
  const colour: Record<Outcome, string> = {
    passive: theme.phase[0],
    focused: theme.phase[1],
    tie: theme.neutral,
  };
  const groups: { outcome: Outcome; name: string; spots: Spot[] }[] = [
    {
      outcome: 'focused',
      name: `${phaseLabels[1]} won`,
      spots: spots.filter((s) => outcomeOf(s) === 'focused'),
    },
    {
      outcome: 'passive',
      name: `${phaseLabels[0]} won`,
      spots: spots.filter((s) => outcomeOf(s) === 'passive'),
    },
    { outcome: 'tie', name: 'Tie', spots: spots.filter((s) => outcomeOf(s) === 'tie') },
  ];
  const people = (outcome: Outcome) =>
    groups.find((g) => g.outcome === outcome)?.spots.reduce((n, s) => n + s.count, 0) ?? 0;
  const summary =
    `${plural(points.length, 'participant')}: ${people('focused')} above the diagonal (${phaseLabels[1]} won), ` +
    `${people('passive')} below it (${phaseLabels[0]} won), ${people('tie')} on it (tie).`;
  const stacked = spots.some((s) => s.count > 1);

  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      className="chart--paired"
      legend={
        <ul className="chart-legend" aria-label="Outcomes">
          {groups.map((g) => (
            <LegendItem key={g.outcome} colour={colour[g.outcome]} shape="dot">
              {g.name} <span className="chart-legend__meta">· {people(g.outcome)}</span>
            </LegendItem>
          ))}
          {stacked && (
            <li className="chart-legend__item chart-legend__meta">
              A bigger, numbered point stands for several participants with the same totals.
            </li>
          )}
        </ul>
      }
      table={
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{phaseLabels[0]} total</th>
              <th scope="col">{phaseLabels[1]} total</th>
              <th scope="col">Participants</th>
              <th scope="col">Won</th>
            </tr>
          </thead>
          <tbody>
            {spots.map((s) => (
              <tr key={`${s.x}:${s.y}`}>
                <td>{s.x}</td>
                <td>{s.y}</td>
                <td>{s.count}</td>
                <td>{s.y > s.x ? phaseLabels[1] : s.y < s.x ? phaseLabels[0] : 'Tie'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ScatterChart
        responsive
        style={{ width: '100%', maxWidth: 520, aspectRatio: 1.12, margin: '0 auto' }}
        margin={{ top: 12, right: 20, bottom: 28, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          type="number"
          dataKey="x"
          name={`${phaseLabels[0]} total`}
          domain={[0, max]}
          ticks={ticks}
          allowDecimals={false}
          {...axis}
          label={{
            value: `${phaseLabels[0]}: total value`,
            position: 'insideBottom',
            offset: -16,
            fill: theme.axis,
            fontSize: 12,
          }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={`${phaseLabels[1]} total`}
          domain={[0, max]}
          ticks={ticks}
          allowDecimals={false}
          width={52}
          {...axis}
          label={{
            value: `${phaseLabels[1]}: total value`,
            angle: -90,
            position: 'insideLeft',
            offset: 14,
            style: { textAnchor: 'middle' },
            fill: theme.axis,
            fontSize: 12,
          }}
        />
        <ZAxis
          type="number"
          dataKey="count"
          name="Participants"
          domain={[1, most]}
          range={[SPOT_AREA, SPOT_AREA + SPOT_AREA_PER_EXTRA * (most - 1)]}
        />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: max, y: max },
          ]}
          stroke={theme.neutral}
          strokeDasharray="5 4"
          label={{
            value: 'same value',
            position: 'insideTopRight',
            fill: theme.axis,
            fontSize: 12,
            angle: 0,
          }}
        />
        <Tooltip {...tooltip} cursor={{ strokeDasharray: '3 3', stroke: theme.border }} />
        {groups.map((g) =>
          g.spots.length === 0 ? null : (
            <Scatter
              key={g.outcome}
              name={g.name}
              data={g.spots}
              fill={colour[g.outcome]}
              fillOpacity={0.78}
              stroke={theme.surface}
              strokeWidth={1}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="count"
                position="center"
                fill={theme.surface}
                fontSize={11}
                fontWeight={700}
                formatter={(v: unknown) => (Number(v) > 1 ? String(v) : '')}
              />
            </Scatter>
          ),
        )}
      </ScatterChart>
    </ChartFigure>
  );
}
