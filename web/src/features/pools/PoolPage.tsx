import { type DragEvent, type FormEvent, useCallback, useId, useRef, useState } from 'react';
import {
  ApiError,
  api,
  type CardImportResult,
  errorMessage,
  type FieldIssue,
  type PoolReport,
  type PoolSummary,
} from '../../api.js';
import { useLoaded } from '../../shared/api/loading.js';
import { BackLink, ErrorNotice, ImportProblem, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime, plural } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { percent, signed } from '../experiments/experiment.js';
import { Section, TestResult } from '../experiments/ReportParts.js';
import { PairedChart } from './charts/index.js';
import '../experiments/experiments-report.css';
import './pools.css';

/** /pools/:id: import result cards and read the pooled analysis. */
export function PoolPage({ id }: { id: string }) {
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [pool, report] = await Promise.all([api.getPool(id, signal), api.poolReport(id, signal)]);
      return { pool, report };
    },
    [id],
  );
  const { data, error, reload } = useLoaded(load);

  if (!data) return <PagePlaceholder error={error} back={{ to: '/pools', label: 'Pools' }} />;
  const { pool, report } = data;

  return (
    <div className="page page--wide">
      <BackLink to="/pools">Pools</BackLink>
      <header className="page-header">
        <p className="eyebrow">Pool · {pool.templateTitle}</p>
        <h1 className="page-title">{pool.name}</h1>
        <p className="page-lede">
          {plural(pool.participants, 'participant')} · created {fullTime(pool.createdAt)}
        </p>
      </header>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      <Section title="Pooled analysis">
        <PoolAnalysis report={report} />
      </Section>

      <Section title="Add cards">
        <ImportCards pool={pool} onImported={() => void reload()} />
      </Section>
    </div>
  );
}

/** One card of the batch and the file it came from, to name the file in an error. */
interface Origin {
  file: string;
  /** Position inside a file that holds a list of cards; null for a file with one card. */
  index: number | null;
}

interface CardProblem {
  message: string;
  issues: string[];
}

/** Reads the files: each holds one card or a list of cards. Throws a message naming the file. */
async function readCards(files: readonly File[]): Promise<{ cards: unknown[]; origins: Origin[] }> {
  const cards: unknown[] = [];
  const origins: Origin[] = [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new Error(`${file.name} is not valid JSON — is it truncated?`);
    }
    if (Array.isArray(parsed)) {
      parsed.forEach((card, index) => {
        cards.push(card);
        origins.push({ file: file.name, index });
      });
    } else {
      cards.push(parsed);
      origins.push({ file: file.name, index: null });
    }
  }
  return { cards, origins };
}

/** "card-07.json: phases.1.valueSum is impossible …" for an issue on `cards.N.…`. */
function locate(issue: FieldIssue, origins: readonly Origin[]): string {
  const match = /^cards\.(\d+)(?:\.(.*))?$/.exec(issue.field);
  if (!match) return `${issue.field}: ${issue.message}`;
  const origin = origins[Number(match[1])];
  const where = origin
    ? `${origin.file}${origin.index === null ? '' : ` (card ${origin.index + 1})`}`
    : `card ${match[1]}`;
  return `${where}: ${match[2] ? `${match[2]} ` : ''}${issue.message}`;
}

function ImportCards({ pool, onImported }: { pool: PoolSummary; onImported: () => void }) {
  const { notify } = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CardImportResult | null>(null);
  const [problem, setProblem] = useState<CardProblem | null>(null);
  const id = useId();

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setProblem(null);
    setResult(null);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files].filter(
      (f) => f.name.endsWith('.json') || f.type.includes('json'),
    );
    if (dropped.length) {
      setFiles(dropped);
      setProblem(null);
      setResult(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setProblem({ message: 'Choose one or more result card files first.', issues: [] });
      return;
    }
    setBusy(true);
    setProblem(null);
    setResult(null);
    let origins: Origin[] = [];
    try {
      const read = await readCards(files);
      origins = read.origins;
      const imported = await api.importCards(pool.id, read.cards);
      setResult(imported);
      setFiles([]);
      if (inputRef.current) inputRef.current.value = '';
      notify(`${plural(imported.added, 'card')} added`);
      onImported();
    } catch (error) {
      const issues = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      const located = issues.map((i) => locate(i, origins));
      setProblem({ message: located[0] ?? errorMessage(error), issues: located.slice(1) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card import-form" aria-label="Import result cards" onSubmit={submit} noValidate>
      <p className="hint">
        Result cards are the JSON files people download from their experiment report. Import many at once; a
        card already in the pool counts once, and if any card is invalid nothing is imported.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the accessible way */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="drop-zone__icon">
          <path d="M12 15V4M7.5 8.5 12 4l4.5 4.5M4 14v5h16v-5" />
        </svg>
        <p className="drop-zone__text">Drop card files here, or</p>
        <label htmlFor={`${id}-files`} className="visually-hidden">
          Result card files
        </label>
        <input
          ref={inputRef}
          id={`${id}-files`}
          type="file"
          multiple
          accept="application/json,.json"
          className="file-input"
          onChange={(e) => choose(e.target.files)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        {files.length > 0 && (
          <p className="meta-text drop-zone__chosen">
            {plural(files.length, 'file')} chosen:{' '}
            {files
              .map((f) => f.name)
              .slice(0, 4)
              .join(', ')}
            {files.length > 4 ? ', …' : ''}
          </p>
        )}
      </div>
      <div className="import-form__row import-form__row--end">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import cards'}
        </button>
      </div>
      {problem && (
        <ImportProblem
          id={`${id}-problem`}
          message={problem.message}
          issues={problem.issues.map((issue) => ({ key: issue, text: issue }))}
        />
      )}
      <div className="import-status" role="status" aria-live="polite">
        {result && (
          <p className="import-summary__title">
            <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
              <path d="M3.5 8.5l3 3 6-7" />
            </svg>
            {plural(result.added, 'card')} added
            {result.alreadyInPool > 0 &&
              `; ${plural(result.alreadyInPool, 'card was', 'cards were')} already in the pool and counted once`}
            . The pool now has {plural(result.pool.participants, 'participant')}.
          </p>
        )}
      </div>
    </form>
  );
}

/** The pooled analysis: headline figures, both tests (or why they show no p-value), the chart. */
function PoolAnalysis({ report }: { report: PoolReport }) {
  const { analysis, phaseLabels } = report;
  const [passiveLabel, focusedLabel] = phaseLabels;
  const decided = analysis.focusedWins + analysis.passiveWins;
  // Each test's own caveat stands in its card, where its p-value would be; the rest go on top.
  const testCaveats = [analysis.signTest, analysis.wilcoxon].flatMap((t) =>
    'caveat' in t ? [t.caveat] : [],
  );
  const general = analysis.caveats.filter((c) => !testCaveats.includes(c));

  if (analysis.participants === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No cards yet.</p>
        <p className="empty__text">Import result cards below; the analysis appears with the first one.</p>
      </div>
    );
  }

  return (
    <div className="report">
      {general.length > 0 && (
        <div className="caveats" role="note" aria-label="Caveats">
          <p className="caveats__title">Read with care</p>
          <ul>
            {general.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}

      <ul className="summary-stats summary-stats--pool" aria-label="Pool summary">
        <li className="card summary-stat">
          <span className="summary-stat__label">Participants</span>
          <span className="summary-stat__value">{analysis.participants}</span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">{focusedLabel} won</span>
          <span className="summary-stat__value">
            {analysis.focusedWinShare ? percent(analysis.focusedWinShare.estimate) : '–'}
          </span>
          <span className="summary-stat__sub">
            {analysis.focusedWinShare
              ? `95% CI ${percent(analysis.focusedWinShare.lower)} to ${percent(analysis.focusedWinShare.upper)} · `
              : ''}
            {analysis.focusedWins} of {plural(decided, 'participant')} with a winner
            {analysis.ties > 0 ? `, ${plural(analysis.ties, 'tie')} left out` : ''}
          </span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">Median difference</span>
          <span className="summary-stat__value">
            {analysis.medianDifference ? signed(analysis.medianDifference.estimate) : '–'}
          </span>
          <span className="summary-stat__sub">
            {analysis.medianDifference
              ? `95% bootstrap CI ${signed(analysis.medianDifference.lower)} to ${signed(analysis.medianDifference.upper)} · total value, ${focusedLabel.toLowerCase()} minus ${passiveLabel.toLowerCase()}`
              : ''}
          </span>
        </li>
      </ul>

      <dl className="test-results" aria-label="Tests">
        <TestResult
          name="Exact sign test"
          result={analysis.signTest}
          detail={`${focusedLabel} ahead for ${analysis.signTest.positive}, ${passiveLabel.toLowerCase()} for ${analysis.signTest.negative}, ${plural(analysis.signTest.ties, 'tie')}`}
        />
        <TestResult
          name="Wilcoxon signed-rank test"
          result={analysis.wilcoxon}
          detail={`V = ${analysis.wilcoxon.statistic} over ${plural(analysis.wilcoxon.n, 'non-zero difference')} · ${analysis.wilcoxon.method === 'exact' ? 'exact' : 'normal approximation'}`}
        />
      </dl>

      <PairedChart points={report.points} phaseLabels={phaseLabels} />

      <p className="meta-text report__footnote">
        Each participant counts once, with the difference of their two total values. Intervals are 95%: the
        share’s by Wilson’s method, the median’s by a seeded percentile bootstrap, so the same pool always
        gives the same numbers.
      </p>
    </div>
  );
}
