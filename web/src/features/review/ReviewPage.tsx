import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addDays } from '../../../../src/core/local-date.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { weekText } from '../plans/dates.js';
import { useWeekReview } from './queries.js';
import { ReviewHistory } from './ReviewHistory.js';
import { WeeklyReviewForm } from './WeeklyReviewForm.js';
import { WeekNumbers } from './WeekNumbers.js';
import '../plans/plans-list.css';
import './review.css';

/** `?week=YYYY-MM-DD`, or undefined (this week) when absent or not a date. */
function weekParam(params: URLSearchParams): string | undefined {
  const week = params.get('week');
  return week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : undefined;
}

/**
 * /review (and /review?week=YYYY-MM-DD): the week's numbers, a few reflective questions, a
 * decision per plan that is due, then the history of past reviews.
 */
export function ReviewPage() {
  const [params] = useSearchParams();
  const week = weekParam(params);
  const id = useId();
  const { page, error, reload } = useWeekReview(week);
  const summary = page?.summary;

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Weekly review</h1>
        <p className="page-lede">
          A few minutes at the end of the week: what the numbers say, what you noticed, and what happens to
          the plans that are due.
        </p>
      </header>

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      {summary && (
        <nav className="week-nav" aria-label="Weeks">
          <Link to={`/review?week=${addDays(summary.weekOf, -7)}`} className="button button--small">
            <span aria-hidden="true">←</span> Previous week
          </Link>
          <p className="week-nav__current">
            Week of {weekText(summary.weekOf)} <span className="meta-text">{summary.weekOf.slice(0, 4)}</span>
          </p>
          {week ? (
            <Link to="/review" className="button button--small">
              This week <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span className="week-nav__spacer" />
          )}
        </nav>
      )}

      {page === null ? (
        !error && <LoadingCard lines={2} />
      ) : (
        <>
          <WeekNumbers page={page} id={id} />
          <WeeklyReviewForm key={page.summary.weekOf} page={page} />
        </>
      )}

      <ReviewHistory prompts={page?.prompts ?? []} />
    </div>
  );
}
