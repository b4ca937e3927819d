import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "‹ Experiments": the way from a detail page back to its list. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
        <path d="M10 3.5 5.5 8l4.5 4.5" />
      </svg>
      {children}
    </Link>
  );
}

/** A problem in words, announced (role=alert), with "Try again" when there is something to retry. */
export function ErrorNotice({
  children,
  onRetry,
  id,
}: {
  children: ReactNode;
  onRetry?: (() => void) | undefined;
  id?: string | undefined;
}) {
  return (
    <div id={id} className="notice notice--error" role="alert">
      {children}
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Grey lines in a card while a list or a section loads. */
export function LoadingCard({ lines = 1 }: { lines?: 1 | 2 }) {
  return (
    <div className="card history__loading" aria-busy="true">
      <div className="skeleton skeleton--line" />
      {lines === 2 && <div className="skeleton skeleton--short" />}
    </div>
  );
}

/** A detail page before its record arrives: a skeleton, or why it failed and the way back. */
export function PagePlaceholder({
  error,
  back,
}: {
  error: string | null;
  back: { to: string; label: string };
}) {
  return (
    <div className="page page--narrow" aria-busy={error ? undefined : true}>
      {error ? (
        <>
          <BackLink to={back.to}>{back.label}</BackLink>
          <ErrorNotice>{error}</ErrorNotice>
        </>
      ) : (
        <>
          <div className="skeleton skeleton--title" />
          <div className="skeleton skeleton--line" />
        </>
      )}
    </div>
  );
}

export interface ImportIssue {
  key: string;
  text: ReactNode;
}

/** An import that was refused as a whole: "Nothing was imported.", the reason, the first issues. */
export function ImportProblem({
  id,
  message,
  issues = [],
  max = 8,
}: {
  id?: string | undefined;
  message?: ReactNode;
  issues?: readonly ImportIssue[];
  max?: number;
}) {
  return (
    <div id={id} className="notice notice--error" role="alert">
      <p>
        <strong>Nothing was imported.</strong>
        {message ? <> {message}</> : null}
      </p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.slice(0, max).map((issue) => (
            <li key={issue.key}>{issue.text}</li>
          ))}
          {issues.length > max && <li>…and {issues.length - max} more</li>}
        </ul>
      )}
    </div>
  );
}
