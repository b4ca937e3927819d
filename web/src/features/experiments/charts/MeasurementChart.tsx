import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { plural } from '../../../../../src/core/plural.js';
import { ChartFigure, LegendItem } from '../../../shared/charts/ChartFigure.js';
import { axisProps, formatNumber, tooltipStyle, useChartTheme } from '../../../shared/charts/theme.js';
import { fullTime } from '../../../shared/format.js';

/** What the chart needs of one phase of a baseline-vs-change experiment. */
export interface MeasurementPhase {
  key: string;
  label: string;
  median: number | null;
}

export interface MeasurementPoint {
  phase: string;
  value: number;
  at: string;
}

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/**
 * A baseline-vs-change experiment: every observation over time, coloured by phase, with each
 * phase's median drawn as a line across that phase's observations.
 */
export function MeasurementChart({
  phases,
  observations,
  name,
  unit,
  caption,
}: {
  phases: readonly [MeasurementPhase, MeasurementPhase];
  observations: readonly MeasurementPoint[];
  name: string;
  unit: string | null;
  caption?: string;
}) {
  const theme = useChartTheme();
  const axis = axisProps(theme);
  const tooltip = tooltipStyle(theme);
  const named = name.charAt(0).toUpperCase() + name.slice(1);
  const measure = unit ? `${named} (${unit})` : named;
  const series = phases.map((phase) =>
    observations
      .filter((o) => o.phase === phase.key)
      .map((o, seq) => ({ seq, t: Date.parse(o.at), value: o.value, at: o.at }))
      .sort((a, b) => a.t - b.t),
  );
  const all = series.flat();
  const times = all.map((p) => p.t);
  const start = times.length ? Math.min(...times) : 0;
  const end = times.length ? Math.max(...times) : 1;
  const pad = Math.max((end - start) * 0.04, 3_600_000);
  const changeStarts = series[1]?.[0]?.t;
  const medianText = (p: MeasurementPhase) =>
    p.median === null ? 'no observations' : `median ${formatNumber(p.median, 2)}`;
  const summary = phases
    .map((p, i) => `${p.label}: ${plural(series[i]?.length ?? 0, 'observation')}, ${medianText(p)}.`)
    .join(' ');
  const title = caption ?? `${measure} over time`;

  return (
    <ChartFigure
      caption={title}
      summary={summary}
      legend={
        <ul className="chart-legend" aria-label="Phases">
          {phases.map((p, i) => (
            <LegendItem key={p.key} colour={theme.phase[i === 0 ? 0 : 1]} shape="dot">
              {p.label} <span className="chart-legend__meta">· {medianText(p)}</span>
            </LegendItem>
          ))}
          <LegendItem colour={theme.neutral} shape="line">
            <span className="chart-legend__meta">dashed line: the phase’s median</span>
          </LegendItem>
        </ul>
      }
      table={
        <table>
          <caption>{title}: every observation</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Phase</th>
              <th scope="col">{measure}</th>
            </tr>
          </thead>
          <tbody>
            {phases.flatMap((p, i) =>
              (series[i] ?? []).map((o) => (
                <tr key={`${p.key}-${o.seq}`}>
                  <td>{fullTime(o.at)}</td>
                  <td>{p.label}</td>
                  <td>{o.value}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      }
    >
      <ScatterChart
        responsive
        style={{ width: '100%', height: 280 }}
        margin={{ top: 12, right: 16, bottom: 8, left: -4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={theme.grid} />
        <XAxis
          type="number"
          dataKey="t"
          name="When"
          domain={[start - pad, end + pad]}
          scale="time"
          tickFormatter={(t: number) => dayMonth.format(new Date(t))}
          tickCount={6}
          {...axis}
        />
        <YAxis type="number" dataKey="value" name={measure} width={48} {...axis} />
        <Tooltip
          {...tooltip}
          cursor={{ stroke: theme.border }}
          formatter={(value, label) =>
            label === 'When' ? fullTime(new Date(Number(value)).toISOString()) : value
          }
        />
        {changeStarts !== undefined && (
          <ReferenceLine
            x={changeStarts - pad / 2}
            stroke={theme.border}
            strokeWidth={2}
            label={{ value: phases[1].label, position: 'insideTopLeft', fill: theme.axis, fontSize: 12 }}
          />
        )}
        {phases.map((p, i) => {
          const points = series[i] ?? [];
          const first = points[0];
          const last = points[points.length - 1];
          if (p.median === null || !first || !last) return null;
          return (
            <ReferenceLine
              key={`median-${p.key}`}
              segment={[
                { x: first.t, y: p.median },
                { x: last.t === first.t ? first.t + pad : last.t, y: p.median },
              ]}
              stroke={theme.phase[i === 0 ? 0 : 1]}
              strokeWidth={2}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
            />
          );
        })}
        {phases.map((p, i) => (
          <Scatter
            key={p.key}
            name={p.label}
            data={series[i] ?? []}
            fill={theme.phase[i === 0 ? 0 : 1]}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ChartFigure>
  );
}
