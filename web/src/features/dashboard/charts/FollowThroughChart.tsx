import { Bar, BarChart, LabelList, Rectangle, XAxis, YAxis } from 'recharts';
import type { FollowThrough } from '../../../../../src/core/plans/dashboard.js';
import { plural } from '../../../../../src/core/plural.js';
import { ChartFigure } from '../../../shared/charts/ChartFigure.js';
import { axisProps, useChartTheme } from '../../../shared/charts/theme.js';

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
