import { useId, useState } from 'react';
import { Link } from 'react-router';
import type {
  ExperimentReportView,
  IdeaPhaseReport,
  MeasurementReport,
  Verdict,
} from '../../../../src/core/experiments/report-view.js';
import type { ExperimentView } from '../../../../src/core/experiments/view.js';
import { ValuePips } from '../../shared/components/Badges.js';
import { fullTime } from '../../shared/format.js';
import { SecondRaterSection } from '../second-rater/SecondRaterSection.js';
import { experimentsApi } from './api.js';
import { MeasurementChart, PhaseComparisonChart } from './charts/index.js';
import { signed, withInterval } from './format.js';
import { favouredLabel, MATCH_TONES, TRUST_LABELS } from './labels.js';
import { type FigureRow, FiguresTable, Section, TestResult } from './ReportParts.js';
import { SealedPrediction } from './SealedPrediction.js';

const number = (n: number | null, digits = 1) =>
  n === null ? '–' : n.toLocaleString(undefined, { maximumFractionDigits: digits });

/**
 * The finished experiment: verdict, prediction beside result, figures per phase, chart, card.
 * `readOnly` (a coach reading a shared report): no links to the ideas and no result card.
 */
export function ExperimentReport({
  report,
  readOnly = false,
}: {
  report: ExperimentReportView;
  readOnly?: boolean;
}) {
  if (report.kind === 'ideas') {
    return (
      <div className="report">
        <VerdictCard view={report.experiment} verdict={report.verdict} readOnly={readOnly} />
        <IdeasFigures phases={report.phases} view={report.experiment} />
        {report.secondRater && <SecondRaterSection report={report.secondRater} phases={report.phases} />}
        <PhaseComparisonChart phases={report.phases} />
        <BestIdeas phases={report.phases} linked={!readOnly} />
        {!readOnly && <CardDownload view={report.experiment} />}
      </div>
    );
  }
  return (
    <div className="report">
      <VerdictCard view={report.experiment} verdict={report.report.verdict} readOnly={readOnly} />
      <MeasurementFigures view={report.experiment} report={report.report} />
      <MeasurementChart
        phases={[
          { ...report.report.phases[0], median: report.report.phases[0].median },
          { ...report.report.phases[1], median: report.report.phases[1].median },
        ]}
        observations={report.observations}
        name={report.experiment.measurement?.name ?? 'Measurement'}
        unit={report.experiment.measurement?.unit ?? null}
      />
    </div>
  );
}

/** The verdict in plain words, how far to trust it, and the locked prediction beside the result. */
function VerdictCard({
  view,
  verdict,
  readOnly,
}: {
  view: ExperimentView;
  verdict: Verdict;
  readOnly: boolean;
}) {
  const { prediction } = view;
  const check = verdict.predictionCheck;
  return (
    <Section title="Verdict">
      <div className="card verdict">
        <p className="verdict__summary">{verdict.summary}</p>
        <p className={`verdict__trust verdict__trust--${verdict.trust}`}>
          <span className="verdict__trust-label">Trust: {TRUST_LABELS[verdict.trust]}</span>
          <span className="verdict__trust-reason">{verdict.trustReason}</span>
        </p>
        <section className="versus" aria-label="Prediction beside result">
          <div className="versus__side">
            <p className="section-title">{readOnly ? 'The prediction' : 'You predicted'}</p>
            <p className="versus__value">
              {favouredLabel(view.phases, prediction.favoured)}
              {prediction.byHowMuch && <span className="prediction-by"> · {prediction.byHowMuch}</span>}
            </p>
            <p className="versus__text">“{prediction.text}”</p>
            {prediction.lockedAt && <p className="meta-text">Locked {fullTime(prediction.lockedAt)}</p>}
            {prediction.seal && <SealedPrediction seal={prediction.seal} experimentId={view.id} />}
          </div>
          <div className="versus__side">
            <p className="section-title">What happened</p>
            <p className="versus__value">
              {verdict.outcome === 'unclear' ? 'Unclear' : favouredLabel(view.phases, verdict.outcome)}
            </p>
            <p className={`versus__match versus__match--${MATCH_TONES[check.match]}`}>{check.text}</p>
          </div>
        </section>
      </div>
    </Section>
  );
}

function IdeasFigures({
  phases,
  view,
}: {
  phases: readonly [IdeaPhaseReport, IdeaPhaseReport];
  view: ExperimentView;
}) {
  const setAside = (p: IdeaPhaseReport) => p.excluded.reduce((n, e) => n + e.count, 0);
  const anyAside = phases.some((p) => setAside(p) > 0);
  const rows: FigureRow<IdeaPhaseReport>[] = [
    { label: 'Ideas', cell: (p) => p.count },
    ...(anyAside ? [{ label: 'Set aside in the triage', cell: setAside }] : []),
    { label: 'Rated', cell: (p) => p.rated },
    { label: 'Total value', cell: (p) => p.totalValue },
    { label: 'Mean value per idea', cell: (p) => number(p.meanValue, 2) },
    { label: 'Ideas valued 4 or 5', cell: (p) => p.highValueCount },
  ];
  const [first] = view.phases;
  return (
    <Section title="Per phase">
      <FiguresTable phases={phases} rows={rows} />
      {(anyAside || view.passiveEndedEarly) && (
        <ul className="report-notes">
          {view.passiveEndedEarly && first.endedAt && (
            <li>
              {first.label} was ended early, on {fullTime(first.endedAt)}, before its planned end (
              {fullTime(first.plannedEnd)}), as you confirmed.
            </li>
          )}
          {phases.map((p) =>
            p.excluded.length ? (
              <li key={p.key}>
                Set aside from {p.label}:{' '}
                {p.excluded.map((e) => `${e.reason.toLowerCase()} (${e.count})`).join(', ')}. The figures
                leave them out.
              </li>
            ) : null,
          )}
        </ul>
      )}
    </Section>
  );
}

function BestIdeas({
  phases,
  linked,
}: {
  phases: readonly [IdeaPhaseReport, IdeaPhaseReport];
  linked: boolean;
}) {
  return (
    <Section title="Best ideas">
      <div className="best-columns">
        {phases.map((p, i) => (
          <div key={p.key} className="best-column">
            <h3 className="best-column__title">
              <span className={`phase-dot phase-dot--${i + 1}`} aria-hidden="true" />
              {p.label}
            </h3>
            {p.best.length === 0 ? (
              <p className="meta-text">No rated ideas.</p>
            ) : (
              <ol className="card best-list" aria-label={`Best ideas: ${p.label}`}>
                {p.best.map((idea) => (
                  <li key={idea.id} className="best-item">
                    {linked ? (
                      <Link to={`/ideas/${idea.id}`} className="best-item__link">
                        <BestIdea text={idea.text} value={idea.value} />
                      </Link>
                    ) : (
                      <span className="best-item__link">
                        <BestIdea text={idea.text} value={idea.value} />
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </div>
    </Section>
  );
}

function BestIdea({ text, value }: { text: string; value: number }) {
  return (
    <>
      <span className="best-item__text">{text}</span>
      <span className="best-item__meta">
        <ValuePips value={value} />
      </span>
    </>
  );
}

/** The anonymised result card: numbers only, unless the user ticks the box for idea texts. */
function CardDownload({ view }: { view: ExperimentView }) {
  const [texts, setTexts] = useState(false);
  const id = useId();
  return (
    <Section title="Result card">
      <div className="card card-download">
        <p className="card-download__text">
          Contribute your result to a pool — your coach’s or your organisation’s — without giving away who you
          are. The card holds a random participant key, the phase lengths and, per phase, how many ideas got
          each rating. <Link to="/pools">Pools</Link> combine many cards.
        </p>
        <label className="checkbox-field" htmlFor={`${id}-texts`}>
          <input
            id={`${id}-texts`}
            type="checkbox"
            checked={texts}
            onChange={(e) => setTexts(e.target.checked)}
          />
          Include my idea texts in the card
        </label>
        <div className="card-download__row">
          <a className="button button--primary" href={experimentsApi.cardUrl(view.id, texts)} download>
            <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
              <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
            </svg>
            Download result card
          </a>
          <span className="meta-text">
            {texts ? 'Numbers and your idea texts' : 'Numbers only, no idea texts'}
          </span>
        </div>
      </div>
    </Section>
  );
}

function MeasurementFigures({ view, report }: { view: ExperimentView; report: MeasurementReport }) {
  const { phases, mannWhitney, medianDifference } = report;
  const unit = view.measurement?.unit ? ` ${view.measurement.unit}` : '';
  const rows: FigureRow<MeasurementReport['phases'][number]>[] = [
    { label: 'Observations', cell: (p) => p.n },
    { label: 'Median', cell: (p) => number(p.median, 2) },
    { label: 'Mean', cell: (p) => number(p.mean, 2) },
    { label: 'Standard deviation', cell: (p) => number(p.sd, 2) },
    { label: 'Lowest', cell: (p) => number(p.min, 2) },
    { label: 'Highest', cell: (p) => number(p.max, 2) },
  ];
  return (
    <Section title="Per phase">
      <FiguresTable phases={phases} rows={rows} />
      <p className="meta-text report__note">
        {report.measurement.better === 'lower' ? 'Lower' : 'Higher'} is better for {report.measurement.name}.
      </p>
      <dl className="test-results">
        <TestResult name="Mann-Whitney U test" result={mannWhitney} />
        <TestResult
          name={`Median difference (${phases[1].label} − ${phases[0].label})`}
          result={
            medianDifference
              ? { value: `${withInterval(medianDifference, signed)}${unit}` }
              : { caveat: 'Needs observations in both phases.' }
          }
        />
      </dl>
    </Section>
  );
}
